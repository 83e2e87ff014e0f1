using BareMetal.Driver.Destroying;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Destroying;

/// <summary>
/// A tear-down from every provision state of Ironic 21.4's state machine (ironic/common/states.py), the service
/// states of later releases, and an invented one: each has a first step, and none is left to poll until a deadline.
/// </summary>
public sealed class TeardownStateTableTests
{
    public static TheoryData<string, string> EveryState => new()
    {
        { "enroll", nameof(TeardownStep.Release) },
        { "verifying", nameof(TeardownStep.WaitOut) },
        { "manageable", nameof(TeardownStep.Release) },
        { "inspecting", nameof(TeardownStep.WaitOut) },
        { "inspect wait", nameof(TeardownStep.Release) },
        { "inspect failed", nameof(TeardownStep.Release) },
        { "available", nameof(TeardownStep.Release) },
        { "deploying", nameof(TeardownStep.WaitOut) },
        { "wait call-back", nameof(TeardownStep.Undeploy) },
        { "deploy failed", nameof(TeardownStep.Undeploy) },
        { "deploy hold", nameof(TeardownStep.AbortThenUndeploy) },
        { "active", nameof(TeardownStep.Undeploy) },
        { "rebuild", nameof(TeardownStep.WaitOut) },
        { "deleting", nameof(TeardownStep.WaitOut) },
        { "deleted", nameof(TeardownStep.WaitOut) },
        { "cleaning", nameof(TeardownStep.Release) },
        { "clean wait", nameof(TeardownStep.Release) },
        { "clean failed", nameof(TeardownStep.Release) },
        { "clean hold", nameof(TeardownStep.Release) },
        { "error", nameof(TeardownStep.Undeploy) },
        { "rescuing", nameof(TeardownStep.WaitOut) },
        { "rescue wait", nameof(TeardownStep.Undeploy) },
        { "rescue", nameof(TeardownStep.Undeploy) },
        { "rescue failed", nameof(TeardownStep.Undeploy) },
        { "unrescuing", nameof(TeardownStep.WaitOut) },
        { "unrescue failed", nameof(TeardownStep.Undeploy) },
        { "adopting", nameof(TeardownStep.WaitOut) },
        { "adopt failed", nameof(TeardownStep.Release) },
        { "servicing", nameof(TeardownStep.WaitOut) },
        { "service wait", nameof(TeardownStep.Undeploy) },
        { "service failed", nameof(TeardownStep.Undeploy) },
        { "service hold", nameof(TeardownStep.TryUndeploy) },
        { "some future state", nameof(TeardownStep.TryUndeploy) },
    };

    [Fact]
    public void A_node_without_a_provision_state_is_available_below_API_1_2() => Assert.Equal(TeardownStep.Release, Teardown.FirstStep(null));

    [Theory]
    [MemberData(nameof(EveryState))]
    public void Every_state_has_a_first_step(string state, string expected) =>
        Assert.Equal(expected, Teardown.FirstStep(state).ToString());

    [Theory]
    [InlineData("inspect wait")]
    [InlineData("inspect failed")]
    [InlineData("adopt failed")]
    [InlineData("manageable")]
    public async Task From_a_state_without_a_deployment_destroy_releases_the_node_without_undeploying(string state)
    {
        await using var h = new DriverHarness(nodes: 1);
        NodeId node = h.Nodes[0];
        InstanceId instance = await DestroyTests.Arrange(h, node, state);
        h.Fake.ClearRequests();

        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = instance }));

        FakeNodeView view = h.Fake.GetNode(node);
        Assert.Null(view.InstanceUuid);
        Assert.Empty(view.Vifs);
        Assert.Equal(state, view.ProvisionState.Value);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Route == FakeRoutes.SetProvisionState);
    }

    [Fact]
    public async Task From_a_state_nobody_knows_destroy_asks_for_deleted_and_fails_closed_when_Ironic_refuses()
    {
        await using var h = new DriverHarness(nodes: 1);
        NodeId node = h.Nodes[0];
        InstanceId instance = await DestroyTests.Arrange(h, node, "some future state");
        h.Fake.ClearRequests();

        var error = await Assert.ThrowsAsync<DestroyFailedException>(() => h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = instance })));

        Assert.Contains("'some future state', which this library does not know", error.Message, StringComparison.Ordinal);
        Assert.Contains(h.Fake.Requests, r => r.Route == FakeRoutes.SetProvisionState && r.Body!.Contains("\"deleted\"", StringComparison.Ordinal));
        FakeNodeView view = h.Fake.GetNode(node);
        Assert.Equal(instance, view.InstanceUuid);   // left as it is, still owned: nothing was released from under it
        Assert.Single(view.Vifs);
        Assert.Equal(0, h.Locks.Count);
    }
}
