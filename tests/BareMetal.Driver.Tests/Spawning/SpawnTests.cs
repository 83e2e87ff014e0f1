using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Spawning;

public sealed class SpawnTests
{
    [Fact]
    public async Task Spawn_reserves_attaches_validates_deploys_with_a_config_drive_and_ends_active_and_owned()
    {
        await using var h = new DriverHarness();
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]);

        Node node = await h.Run(h.Driver.SpawnAsync(request));

        Assert.Equal(ProvisionState.Active, node.ProvisionState);
        FakeNodeView view = h.Fake.GetNode(h.Nodes[0]);
        Assert.Equal(request.Instance, view.InstanceUuid);
        Assert.Equal(request.Vifs.Select(v => v.Vif.ToString()).Order(), view.Vifs.Order());
        Assert.StartsWith("H4sI", view.InstanceInfo["configdrive"]!.GetValue<string>(), StringComparison.Ordinal);   // gzip, in base64
        Assert.Equal("compute-1", view.InstanceInfo["nova_host_id"]!.GetValue<string>());
        string[] calls = [.. h.Fake.Requests.Select(r => r.Route)];
        Assert.Equal(
        [
            FakeRoutes.GetNode, FakeRoutes.PatchNode, FakeRoutes.AttachVif, FakeRoutes.AttachVif, FakeRoutes.Validate,
            FakeRoutes.ListPortsDetail, FakeRoutes.ListPortgroupsDetail, FakeRoutes.SetProvisionState,
        ], calls.Where(c => c is not FakeRoutes.Root).Take(8));
        Assert.All(calls.Skip(9), c => Assert.Equal(FakeRoutes.GetNode, c));   // then only polls of the node, by UUID
        Assert.True(calls.Length <= 14, $"{calls.Length} calls");
        Assert.Equal(0, h.Locks.Count);
    }

    [Fact]
    public async Task An_invalid_request_is_refused_before_any_call()
    {
        await using var h = new DriverHarness();
        SpawnRequest bad = DriverHarness.Spawn(h.Nodes[0]) with { ImageSource = "https://user:pw@images.example/x.qcow2", RequiredTraits = ["lowercase"] };

        var error = await Assert.ThrowsAsync<InvalidDriverRequestException>(() => h.Driver.SpawnAsync(bad));
        Assert.Equal(2, error.Problems.Count);
        Assert.Empty(h.Fake.Requests);
    }

    [Fact]
    public async Task A_node_held_by_another_instance_is_NodeTaken_and_unavailable_nodes_are_refused_with_nothing_changed()
    {
        await using var h = new DriverHarness(nodes: 2);
        await h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0])));
        InstanceId winner = h.Fake.GetNode(h.Nodes[0]).InstanceUuid!;

        await Assert.ThrowsAsync<NodeTakenException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));
        Assert.Equal(winner, h.Fake.GetNode(h.Nodes[0]).InstanceUuid);

        h.Fake.SetMaintenance(h.Nodes[1], true, "fan");
        await Assert.ThrowsAsync<NodeUnavailableException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[1]))));
        Assert.Null(h.Fake.GetNode(h.Nodes[1]).InstanceUuid);
    }

    public static TheoryData<string, FakeFaultKind> FailingSteps => new()
    {
        { FakeRoutes.AttachVif, FakeFaultKind.ServiceUnavailable },
        { FakeRoutes.Validate, FakeFaultKind.ServiceUnavailable },
        { FakeRoutes.ListPortsDetail, FakeFaultKind.ServiceUnavailable },
        { FakeRoutes.ListPortgroupsDetail, FakeFaultKind.ServiceUnavailable },
        { FakeRoutes.AttachVif, FakeFaultKind.DropRequest },
        { FakeRoutes.Validate, FakeFaultKind.TruncatedBody },
        { FakeRoutes.SetProvisionState, FakeFaultKind.ServiceUnavailable },
    };

    [Theory]
    [MemberData(nameof(FailingSteps))]
    public async Task A_failure_at_any_step_after_the_reservation_leaves_the_node_as_found(string route, FakeFaultKind kind)
    {
        await using var h = new DriverHarness(maxRetries: 0);
        h.Fake.Faults.Add(new FakeFault(kind) { Route = route, Times = 5 });   // more than the settle attempts

        var error = await Assert.ThrowsAnyAsync<InstanceOperationException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));

        AssertLeftAsFound(h, h.Nodes[0]);
        Assert.Null(error.CleanupFailure);
        Assert.NotNull(error.NodeId);
    }

    [Fact]
    public async Task A_reservation_that_cannot_be_made_fails_with_Ironics_error_and_changes_nothing()
    {
        await using var h = new DriverHarness(maxRetries: 0);
        h.Fake.Faults.Add(new FakeFault(FakeFaultKind.ServiceUnavailable) { Route = FakeRoutes.PatchNode });

        await Assert.ThrowsAsync<BareMetal.Ironic.Errors.IronicUnavailableException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));
        AssertLeftAsFound(h, h.Nodes[0]);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Route is FakeRoutes.AttachVif or FakeRoutes.SetProvisionState);
    }

    [Fact]
    public async Task Neither_the_config_drive_nor_the_user_data_reaches_a_log()
    {
        await using var h = new DriverHarness();
        await h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0])));
        string drive = h.Fake.GetNode(h.Nodes[0]).InstanceInfo["configdrive"]!.GetValue<string>();
        Assert.Contains("\"configdrive\":\"***\"", h.Logs.AllText(), StringComparison.Ordinal);   // the deploy body was logged at Trace, masked
        Assert.DoesNotContain(drive[..40], h.Logs.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("#cloud-config", h.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deploy_that_fails_in_Ironic_is_undeployed_and_released_and_reports_last_error()
    {
        await using var h = new DriverHarness();
        h.Fake.FailNext(h.Nodes[0], FakeOperationKind.Deploy, "Deploy step failed: disk on fire");

        var error = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));

        Assert.Equal("Deploy step failed: disk on fire", error.LastError);
        Assert.Null(h.Fake.GetNode(h.Nodes[0]).InstanceUuid);   // released as soon as Ironic's tear-down ran; cleaning is Ironic's
        h.Fake.SettleAll();
        AssertLeftAsFound(h, h.Nodes[0]);
        Assert.Contains(h.Fake.Requests, r => r.Route == FakeRoutes.SetProvisionState && r.Body!.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spawn_survives_faults_on_one_call_in_five_and_ends_active_and_owned()
    {
        for (int seed = 1; seed <= 10; seed++)
        {
            await using var h = new DriverHarness(nodes: 1, seed: seed);
            foreach (FakeFaultKind kind in new[] { FakeFaultKind.ServiceUnavailable, FakeFaultKind.NodeLocked, FakeFaultKind.DropRequest, FakeFaultKind.DropResponse })
            {
                h.Fake.Faults.Add(new FakeFault(kind) { Probability = 0.05 });
            }
            SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]);
            Node node = await h.Run(h.Driver.SpawnAsync(request));
            Assert.Equal(ProvisionState.Active, node.ProvisionState);
            Assert.Equal(request.Instance, h.Fake.GetNode(h.Nodes[0]).InstanceUuid);
            Assert.Equal(2, h.Fake.GetNode(h.Nodes[0]).Vifs.Count);
        }
    }

    [Fact]
    public async Task Two_hundred_concurrent_spawns_over_a_hundred_nodes_book_each_node_exactly_once()
    {
        await using var h = new DriverHarness(nodes: 100, fakeOptions: new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        SpawnRequest[] requests = [.. Enumerable.Range(0, 200).Select(i => DriverHarness.Spawn(h.Nodes[i % 100], vifs: 1))];

        Task<Node>[] spawns = [.. requests.Select(r => h.Driver.SpawnAsync(r))];
        await h.Run(Task.WhenAll(spawns.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default))));

        Assert.Equal(100, spawns.Count(s => s.IsCompletedSuccessfully));
        Assert.All(spawns.Where(s => !s.IsCompletedSuccessfully), s => Assert.IsType<NodeTakenException>(s.Exception!.InnerException));
        var owners = h.Fake.GetNodes().Select(n => n.InstanceUuid).ToList();
        Assert.Equal(100, owners.Distinct().Count());
        Assert.All(h.Fake.GetNodes(), n => Assert.Single(n.Vifs));
        Assert.Equal(0, h.Locks.Count);
    }

    internal static void AssertLeftAsFound(DriverHarness h, NodeId node)
    {
        FakeNodeView view = h.Fake.GetNode(node);
        Assert.Equal(ProvisionState.Available, view.ProvisionState);
        Assert.Null(view.TargetProvisionState);
        Assert.Null(view.InstanceUuid);
        Assert.Empty(view.Vifs);
        Assert.Empty(view.InstanceInfo);
        Assert.Equal(0, h.Locks.Count);
    }
}
