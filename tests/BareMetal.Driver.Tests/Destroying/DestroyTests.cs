using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Destroying;

public sealed class DestroyTests
{
    /// <summary>Puts an instance with one VIF on the node, then the node into <paramref name="state"/>.</summary>
    internal static async Task<InstanceId> Arrange(DriverHarness h, NodeId node, string state, string? target = null)
    {
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/instance_uuid", instance.ToString()), JsonPatchOperation.Add("/instance_info/image_source", "http://images/x")]);
        await h.Client.AttachVifAsync(node, new VifAttachment(VifId.FromGuid(Guid.NewGuid())));
        h.Fake.SetProvisionState(node, new ProvisionState(state), target is null ? null : new ProvisionState(target));
        h.Fake.SetPowerState(node, PowerState.PowerOn);
        return instance;
    }

    [Theory]
    [InlineData("active", null)]
    [InlineData("deploy failed", null)]
    [InlineData("error", null)]
    [InlineData("wait call-back", "active")]
    [InlineData("deploy hold", "active")]
    [InlineData("rescue", null)]
    [InlineData("rescue failed", null)]
    [InlineData("available", null)]
    public async Task Destroy_from_each_state_frees_the_node_and_a_second_destroy_is_a_no_op(string state, string? target)
    {
        await using var h = new DriverHarness(nodes: 1);
        NodeId node = h.Nodes[0];
        InstanceId instance = await Arrange(h, node, state, target);

        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = instance }));

        FakeNodeView view = h.Fake.GetNode(node);
        Assert.Contains(view.ProvisionState.Value, new[] { "cleaning", "available" });   // destroy is done once Ironic cleans
        h.Fake.SettleAll();
        view = h.Fake.GetNode(node);
        Assert.Equal(ProvisionState.Available, view.ProvisionState);
        Assert.Null(view.InstanceUuid);
        Assert.Empty(view.Vifs);
        Assert.Empty(view.InstanceInfo);
        Assert.Equal(0, h.Locks.Count);

        int calls = h.Fake.Requests.Count;
        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = instance, Node = node }));
        Assert.Equal(ProvisionState.Available, h.Fake.GetNode(node).ProvisionState);
        Assert.True(h.Fake.Requests.Count - calls <= 2, "an idempotent destroy only looks: " + string.Join(", ", h.Fake.Requests.Skip(calls).Select(r => r.Route)));
    }

    [Fact]
    public async Task Destroy_of_an_active_instance_reads_the_node_undeploys_and_polls_and_leaves_the_rest_to_Ironics_tear_down()
    {
        await using var h = new DriverHarness(nodes: 1);
        InstanceId instance = await Arrange(h, h.Nodes[0], "active");
        h.Fake.ClearRequests();

        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = instance, Node = h.Nodes[0] }));

        string[] calls = [.. h.Fake.Requests.Select(r => r.Route)];
        Assert.Equal([FakeRoutes.GetNode, FakeRoutes.SetProvisionState], calls[..2]);
        Assert.All(calls[2..], c => Assert.Equal(FakeRoutes.GetNode, c));
        Assert.Contains("\"target\":\"deleted\"", h.Fake.Requests[1].Body!, StringComparison.Ordinal);
        Assert.Empty(h.Fake.GetNode(h.Nodes[0]).Vifs);   // detached by Ironic's tear-down, not by extra calls
    }

    [Fact]
    public async Task Destroy_while_deploying_waits_for_the_deploy_to_end_then_undeploys()
    {
        await using var h = new DriverHarness(nodes: 1, fakeOptions: new FakeIronicOptions { Timings = new FakeIronicTimings { Deploying = TimeSpan.FromSeconds(20) } });
        NodeId node = h.Nodes[0];
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/instance_uuid", instance.ToString())]);
        await h.Client.SetProvisionStateAsync(node, new ProvisionRequest(ProvisionTarget.Active));
        Assert.Equal(ProvisionState.Deploying, h.Fake.GetNode(node).ProvisionState);

        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = instance }));

        h.Fake.SettleAll();
        Assert.Equal(ProvisionState.Available, h.Fake.GetNode(node).ProvisionState);
        Assert.Null(h.Fake.GetNode(node).InstanceUuid);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Route == FakeRoutes.SetProvisionState && r.Status == 409 && r.Body!.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destroy_of_an_instance_whose_node_is_gone_or_already_cleaning_succeeds_without_touching_anything()
    {
        await using var h = new DriverHarness(nodes: 2);
        InstanceId gone = await Arrange(h, h.Nodes[0], "active");
        h.Fake.RemoveNode(h.Nodes[0]);
        h.Fake.ClearRequests();
        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = gone, Node = h.Nodes[0] }));

        InstanceId cleaning = InstanceId.FromGuid(Guid.NewGuid());
        h.Fake.SetProvisionState(h.Nodes[1], ProvisionState.CleanWait, ProvisionState.Available);   // Ironic's tear-down already released it
        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = cleaning }));
        Assert.Equal(ProvisionState.CleanWait, h.Fake.GetNode(h.Nodes[1]).ProvisionState);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Method is "PUT" or "PATCH" or "DELETE");
    }

    [Fact]
    public async Task Destroy_never_touches_a_node_another_instance_holds()
    {
        await using var h = new DriverHarness(nodes: 1);
        InstanceId other = await Arrange(h, h.Nodes[0], "active");
        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = InstanceId.FromGuid(Guid.NewGuid()), Node = h.Nodes[0] }));
        Assert.Equal((ProvisionState.Active, other), (h.Fake.GetNode(h.Nodes[0]).ProvisionState, h.Fake.GetNode(h.Nodes[0]).InstanceUuid!));
    }
}
