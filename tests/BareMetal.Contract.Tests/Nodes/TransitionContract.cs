using System.Net;
using BareMetal.Contract.Tests.Targets;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Contract.Tests.Nodes;

/// <summary>The fake with slow transitions.</summary>
public sealed class TransitionContractOnFake(SlowFakeTargetFixture fixture) : TransitionContract, IClassFixture<SlowFakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The real Ironic at IRONIC_SLOW_URL, started by CI with fake deploy and rescue delays.</summary>
[RealServer(RealIronic.SlowUrl)]
[Collection(SharedSlowRealIronic.Name)]
public sealed class TransitionContractOnRealIronic(RealTargetAtIronicSlowUrl fixture) : TransitionContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>
/// What a node looks like while the conductor works on it: transient states with their targets, the reservation, and
/// the 409s that writes get meanwhile. Needs a server whose transitions take seconds.
/// </summary>
public abstract class TransitionContract
{
    protected abstract IronicTarget Target { get; }
    private IIronicClient Client => Target.Client;

    [ContractFact]
    public async Task A_deploy_holds_the_node_in_deploying_where_writes_get_409_then_it_is_active()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Add("/instance_uuid", Guid.NewGuid().ToString())]);
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Active));

            Node deploying = await Client.GetNodeAsync(nodeId, ["uuid", "provision_state", "target_provision_state", "reservation"]);
            Assert.Equal(ProvisionState.Deploying, deploying.ProvisionState);
            Assert.Equal(ProvisionState.Active, deploying.TargetProvisionState);
            Assert.False(string.IsNullOrEmpty(deploying.Reservation));

            // Undeploy is not a transition out of deploying; while the node is reserved Ironic says 409, not 400.
            var locked = await Assert.ThrowsAsync<NodeLockedException>(() => Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted)));
            Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
            Assert.Contains(deploying.Reservation!, locked.IronicMessage, StringComparison.Ordinal);
            await Assert.ThrowsAsync<NodeTransitionInProgressException>(() => Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Add("/extra/contract", "x")]));

            Node active = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "active");
            Assert.Equal(ProvisionState.Active, active.ProvisionState);
            // The real conductor may still hold the lock a moment after it set active; it must let go.
            await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, ["uuid", "reservation"]), n => n.Reservation is null, "the lock to be released");
        }
        finally { await Target.ReturnAfterUseAsync(nodeId); }
    }

    [ContractFact]
    public async Task A_tear_down_holds_the_node_in_deleting_where_a_deploy_gets_409_then_it_is_free()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Add("/instance_uuid", Guid.NewGuid().ToString())]);
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Active));
            await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "active");

            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted));
            Node deleting = await Client.GetNodeAsync(nodeId, NodeFields.Driver);
            Assert.Equal(ProvisionState.Deleting, deleting.ProvisionState);
            Assert.Equal(ProvisionState.Available, deleting.TargetProvisionState);
            await Assert.ThrowsAsync<NodeLockedException>(() => Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Active)));

            Node free = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                n => n.ProvisionState == ProvisionState.Available && n.TargetProvisionState is null, "available");
            Assert.Null(free.InstanceUuid);
        }
        finally { await Target.ReturnAfterUseAsync(nodeId); }
    }

    [ContractFact]
    public async Task A_rescue_holds_the_node_in_rescuing_then_it_is_in_rescue()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Active));
            await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "active");

            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new("contract-s3cret") });
            Node rescuing = await Client.GetNodeAsync(nodeId, NodeFields.Driver);
            Assert.Equal((ProvisionState.Rescuing, ProvisionState.Rescue), (rescuing.ProvisionState!.Value, rescuing.TargetProvisionState!.Value));
            await Assert.ThrowsAsync<NodeLockedException>(() => Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Unrescue)));

            Node rescued = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "rescue");
            Assert.Equal(ProvisionState.Rescue, rescued.ProvisionState);
        }
        finally { await Target.ReturnAfterUseAsync(nodeId); }
    }
}
