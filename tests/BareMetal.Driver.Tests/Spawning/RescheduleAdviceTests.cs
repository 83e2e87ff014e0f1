using BareMetal.Driver.Errors;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Lies;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Spawning;

/// <summary>Each spawn failure tells a scheduler whether another node may help (Nova's reschedule) or not (abort).</summary>
public sealed class RescheduleAdviceTests
{
    [Fact]
    public async Task A_taken_or_unavailable_node_and_a_deploy_that_fails_in_Ironic_are_worth_another_node()
    {
        await using var h = new DriverHarness(nodes: 3);
        await h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0])));
        h.Fake.SetMaintenance(h.Nodes[1], true, "fan");
        h.Fake.FailNext(h.Nodes[2], FakeOperationKind.Deploy, "IPMI timeout");

        var taken = await Assert.ThrowsAsync<NodeTakenException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));
        var unavailable = await Assert.ThrowsAsync<NodeUnavailableException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[1]))));
        var failed = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[2]))));

        Assert.True(taken.AnotherNodeMayHelp);
        Assert.True(unavailable.AnotherNodeMayHelp);
        Assert.True(failed.AnotherNodeMayHelp);
        Assert.Equal("IPMI timeout", failed.LastError);
    }

    [Fact]
    public async Task The_last_error_a_failed_deploy_carries_is_cut_and_redacted()
    {
        await using var h = new DriverHarness(nodes: 1);
        h.Fake.FailNext(h.Nodes[0], FakeOperationKind.Deploy,
            "IPMI https://admin:bmc-pa55@10.0.0.9/ipmi refused" + new string('x', 100_000));

        var failed = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));

        Assert.StartsWith("IPMI https://", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("bmc-pa55", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("bmc-pa55", failed.ToString(), StringComparison.Ordinal);
        Assert.True(failed.LastError!.Length < 5000, $"{failed.LastError.Length} characters kept");
    }

    [Fact]
    public async Task A_deploy_Ironic_refuses_as_a_bad_request_would_fail_on_any_node()
    {
        await using var h = new DriverHarness(nodes: 1);
        h.Fake.Lies = FakeLies.EchoSecrets;   // the provision request is answered 400

        var refused = await Assert.ThrowsAsync<SpawnFailedException>(() => h.Run(h.Driver.SpawnAsync(DriverHarness.Spawn(h.Nodes[0]))));

        Assert.False(refused.AnotherNodeMayHelp);
    }

    [Fact]
    public async Task Failed_validation_of_the_node_is_worth_another_node_and_a_missing_instance_is_not()
    {
        await using var h = new DriverHarness(nodes: 1);
        var missing = await Assert.ThrowsAsync<InstanceNotFoundException>(
            () => h.Run(h.Driver.PowerOnAsync(InstanceId.FromGuid(Guid.NewGuid()))));
        var invalid = new NodeValidationFailedException("deploy: no image", h.Nodes[0], InstanceId.FromGuid(Guid.NewGuid()));

        Assert.False(missing.AnotherNodeMayHelp);
        Assert.True(invalid.AnotherNodeMayHelp);
    }
}
