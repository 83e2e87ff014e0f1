using BareMetal.Contract.Tests.Targets;
using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Contract.Tests.Driver;

/// <summary>The edges on the fake with slow transitions.</summary>
public sealed class LifecycleEdgesContractOnFake(SlowFakeTargetFixture fixture) : LifecycleEdgesContract, IClassFixture<SlowFakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The edges on the real Ironic at IRONIC_SLOW_URL, whose deploys take seconds.</summary>
[RealServer(RealIronic.SlowUrl)]
[Collection(SharedSlowRealIronic.Name)]
public sealed class LifecycleEdgesContractOnRealIronic(RealTargetAtIronicSlowUrl fixture) : LifecycleEdgesContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>An Ironic restart in the middle of a spawn, on the fake (refused connections) and on the real slow Ironic.</summary>
public sealed class RestartContractOnFake(SlowFakeTargetFixture fixture) : RestartContract, IClassFixture<SlowFakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The real slow Ironic, stopped and started by the command in IRONIC_SLOW_RESTART.</summary>
[RealServer(RealIronic.SlowRestart)]
[Collection(SharedSlowRealIronic.Name)]
public sealed class RestartContractOnRealIronic(RealTargetAtIronicSlowUrl fixture) : RestartContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>What the shared helpers of the edge contracts need.</summary>
public abstract class EdgeContractBase
{
    protected abstract IronicTarget Target { get; }

    protected static SpawnRequest Spawn(NodeId node) => new()
    {
        Instance = InstanceId.FromGuid(Guid.NewGuid()), Node = node, ImageSource = Guid.NewGuid().ToString(), DisplayName = "edge",
        Vifs = [new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net", [new InstanceSubnet("10.0.0.0/24")])],
    };

    /// <summary>Waits until the node is available with no instance and no VIF: nothing of the instance was leaked.</summary>
    protected async Task AssertFreeAsync(NodeId node)
    {
        Node free = await Target.WaitUntilAsync(() => Target.Client.GetNodeAsync(node, NodeFields.Driver),
            n => n.ProvisionState == ProvisionState.Available && n.TargetProvisionState is null && n.InstanceUuid is null, "available and free");
        Assert.Null(free.InstanceUuid);
        Assert.Empty(await Target.Client.ListVifsAsync(node));
    }

    /// <summary>Waits until the node is deploying: the spawn is past its reservation and waits for active.</summary>
    protected Task<Node> DeployingAsync(NodeId node) => Target.WaitUntilAsync(() => Target.Client.GetNodeAsync(node, NodeFields.Driver),
        n => n.ProvisionState == ProvisionState.Deploying, "deploying");
}

/// <summary>A spawn cancelled mid-deploy, and two compute services racing for the same nodes.</summary>
public abstract class LifecycleEdgesContract : EdgeContractBase
{
    [ContractFact]
    public async Task A_spawn_cancelled_mid_deploy_leaves_the_node_available_and_unowned()
    {
        NodeId node = await Target.LeaseNodeAsync();
        try
        {
            using var cancel = new CancellationTokenSource();
            Task<Node> spawn = Target.Driver.SpawnAsync(Spawn(node), cancel.Token);
            await DeployingAsync(node);
            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Target.RunAsync(spawn));
            await AssertFreeAsync(node);
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
        }
    }

    [ContractFact]
    public async Task Two_drivers_racing_over_the_same_nodes_book_each_exactly_once()
    {
        NodeId[] nodes = [await Target.LeaseNodeAsync(), await Target.LeaseNodeAsync()];
        (IBareMetalDriver other, IAsyncDisposable scope) = Target.CreateDriver("contract-tests-b");
        await using IAsyncDisposable _ = scope;
        var won = new List<InstanceId>();
        try
        {
            IEnumerable<Task<InstanceId?>> attempts = nodes.SelectMany(n => new[] { Target.Driver, other }.Select(async driver =>
            {
                SpawnRequest request = Spawn(n);
                try { await driver.SpawnAsync(request); return (InstanceId?)request.Instance; }
                catch (NodeTakenException) { return null; }
            }));
            InstanceId?[] results = await Target.RunAsync(Task.WhenAll(attempts));
            won.AddRange(results.OfType<InstanceId>());

            Assert.Equal(nodes.Length, won.Count);
            foreach (NodeId node in nodes)
            {
                Node held = await Target.Client.GetNodeAsync(node, NodeFields.Driver);
                Assert.Contains(held.InstanceUuid!, won);
                Assert.Equal(ProvisionState.Active, held.ProvisionState);
                Assert.Single(await Target.Client.ListVifsAsync(node));
            }
        }
        finally
        {
            foreach (InstanceId instance in won) { await Target.RunAsync(other.DestroyAsync(new DestroyRequest { Instance = instance })); }
            foreach (NodeId node in nodes) { await Target.ReturnAfterUseAsync(node); }
        }
    }
}

/// <summary>Ironic stops and starts while a spawn waits for active: the spawn ends active or cleaned up, never leaked.</summary>
public abstract class RestartContract : EdgeContractBase
{
    [ContractFact]
    public async Task An_Ironic_restart_during_a_spawn_leaks_nothing()
    {
        NodeId node = await Target.LeaseNodeAsync();
        SpawnRequest request = Spawn(node);
        try
        {
            Task<Node> spawn = Target.Driver.SpawnAsync(request);
            await DeployingAsync(node);
            await Target.RestartAsync();

            try
            {
                Node active = await Target.RunAsync(spawn);
                Assert.Equal(request.Instance, active.InstanceUuid);
                await Target.RunAsync(Target.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance }));
            }
            catch (SpawnFailedException failed)
            {
                // A conductor that restarts fails the deploy it was running; the spawn's cleanup frees the node.
                Assert.Null(failed.CleanupFailure);
            }
            await AssertFreeAsync(node);
        }
        finally
        {
            await Target.ReturnAfterUseAsync(node);
        }
    }
}
