using System.IO.Compression;
using System.Net;
using System.Text.Json;
using BareMetal.Contract.Tests.Targets;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Contract.Tests.Nodes;

/// <summary>The fake, which runs every contract test on each build.</summary>
public sealed class NodeContractOnFake(FakeTargetFixture fixture) : NodeContract, IClassFixture<FakeTargetFixture>
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>The real Ironic at IRONIC_URL, which CI starts; where it and the fake differ, the fake is wrong.</summary>
[RealServer(RealIronic.Url)]
[Collection(SharedRealIronic.Name)]
public sealed class NodeContractOnRealIronic(RealTargetAtIronicUrl fixture) : NodeContract
{
    protected override IronicTarget Target => fixture.Target;
}

/// <summary>
/// What a client may rely on from Ironic, written once against <see cref="IronicTarget"/> and run against every target:
/// the fake on each build, the real Ironic in CI.
/// </summary>
public abstract class NodeContract
{
    protected abstract IronicTarget Target { get; }
    private IIronicClient Client => Target.Client;

    [ContractFact]
    public async Task Version_discovery_negotiates_within_the_servers_range()
    {
        ApiVersionRange versions = await Client.GetApiVersionsAsync();

        Assert.True(versions.ServerMinimum <= versions.Negotiated && versions.Negotiated <= versions.ServerMaximum);
        Assert.Equal(ApiVersion.Min(versions.ServerMaximum, new ApiVersion(1, 82)), versions.Negotiated);
        Assert.True(versions.Supports(IronicFeature.Rescue));
    }

    [ContractFact]
    public async Task A_microversion_out_of_range_is_answered_406_with_the_range()
    {
        using HttpClient http = Target.CreateRawClient();
        http.DefaultRequestHeaders.Remove("X-OpenStack-Ironic-API-Version");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/nodes");
        request.Headers.Add("X-OpenStack-Ironic-API-Version", "1.999");
        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.True(response.Headers.Contains("X-OpenStack-Ironic-API-Maximum-Version"));
        string message = IronicErrorBody.ReadMessage(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("1.999", message);
    }

    [ContractFact]
    public async Task Unknown_node_is_NodeNotFound()
    {
        await Assert.ThrowsAsync<NodeNotFoundException>(() => Client.GetNodeAsync(NodeId.FromGuid(Guid.NewGuid())));
    }

    [ContractFact]
    public async Task Field_selection_returns_only_what_was_asked()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            Node node = await Client.GetNodeAsync(nodeId, ["uuid", "provision_state"]);
            Assert.Equal(ProvisionState.Available, node.ProvisionState);
            Assert.Null(node.Properties);
            Assert.Null(node.ResourceClass);

            Node full = await Client.GetNodeAsync(nodeId, NodeFields.Driver);
            Assert.NotNull(full.Properties);
            Assert.NotNull(full.ResourceClass);
            Assert.NotNull(full.Traits);
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task Paging_with_a_filter_keeps_the_filter_on_every_page()
    {
        NodeId first = await Target.LeaseNodeAsync();
        NodeId second = await Target.LeaseNodeAsync();
        InstanceId a = InstanceId.FromGuid(Guid.NewGuid()), b = InstanceId.FromGuid(Guid.NewGuid());
        try
        {
            await Reserve(first, a);
            await Reserve(second, b);
            var unassociated = new NodeQuery { Fields = ["uuid", "instance_uuid"], Associated = false };
            List<Node> unpaged = await ToList(Client.ListNodesAsync(unassociated));
            List<Node> paged = await ToList(Client.ListNodesAsync(unassociated with { Limit = 2 }));

            Assert.True(paged.Count > 4, "the fleet must span several pages of 2");
            Assert.All(paged, n => Assert.Null(n.InstanceUuid));   // associated=False is dropped by Ironic's next link
            Assert.DoesNotContain(paged, n => n.Uuid == first || n.Uuid == second);
            Assert.Equal(unpaged.Select(n => n.Uuid.Value).Order(), paged.Select(n => n.Uuid.Value).Order());
            Assert.Equal(paged.Count, paged.Select(n => n.Uuid).Distinct().Count());
        }
        finally
        {
            await Release(first);
            await Release(second);
            Target.Return(first);
            Target.Return(second);
        }
    }

    [ContractFact]
    public async Task Reserving_is_the_arbiter_a_second_instance_gets_409_the_same_instance_succeeds_again()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        NodeId other = await Target.LeaseNodeAsync();
        InstanceId owner = InstanceId.FromGuid(Guid.NewGuid());
        try
        {
            Node reserved = await Reserve(nodeId, owner);
            Assert.Equal(owner, reserved.InstanceUuid);

            await Assert.ThrowsAsync<NodeAssociatedException>(() => Reserve(nodeId, InstanceId.FromGuid(Guid.NewGuid())));
            Assert.Equal(owner, (await Reserve(nodeId, owner)).InstanceUuid);                 // idempotent for the owner
            await Assert.ThrowsAsync<InstanceAssociatedException>(() => Reserve(other, owner)); // one node per instance

            List<Node> found = await ToList(Client.ListNodesAsync(new NodeQuery { InstanceUuid = owner, Fields = NodeFields.Driver }));
            Assert.Equal(nodeId, Assert.Single(found).Uuid);
        }
        finally
        {
            await Release(nodeId);
            Target.Return(nodeId);
            Target.Return(other);
        }
    }

    [ContractFact]
    public async Task Deploy_with_a_config_drive_string_reaches_active_and_undeploy_returns_it_to_available()
    {
        await DeployAndUndeploy(ConfigDrive.FromImage(GzipBase64("config-2 image stand-in")));
    }

    [ContractFact]
    public async Task Deploy_with_a_config_drive_dict_reaches_active_and_undeploy_returns_it_to_available()
    {
        JsonElement meta = JsonDocument.Parse("""{"uuid":"contract","hostname":"contract-test","public_keys":{}}""").RootElement;
        await DeployAndUndeploy(ConfigDrive.FromContents(meta, userData: JsonDocument.Parse("\"#!/bin/sh\\necho hi\"").RootElement));
    }

    private async Task DeployAndUndeploy(ConfigDrive drive)
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        try
        {
            await Client.PatchNodeAsync(nodeId,
            [
                JsonPatchOperation.Add("/instance_uuid", instance.ToString()),
                JsonPatchOperation.Add("/instance_info/image_source", Guid.NewGuid().ToString()),
                JsonPatchOperation.Add("/instance_info/root_gb", "10"),
            ]);
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Active) { ConfigDrive = drive });
            Node active = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                n => n.ProvisionState == ProvisionState.Active || n.ProvisionState?.IsFailure == true, "active");
            Assert.Equal(ProvisionState.Active, active.ProvisionState);
            Assert.Equal(instance, active.InstanceUuid);

            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted));
            Node free = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                n => n.ProvisionState == ProvisionState.Available && n.TargetProvisionState is null, "available");
            Assert.Null(free.InstanceUuid);   // Ironic's tear-down clears the reservation itself
        }
        finally
        {
            await Target.ReturnAfterUseAsync(nodeId);
        }
    }

    [ContractFact]
    public async Task Vifs_attach_list_and_detach_with_their_specific_errors()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        VifId vif = VifId.FromGuid(Guid.NewGuid()), extra = VifId.FromGuid(Guid.NewGuid());
        try
        {
            await Client.AttachVifAsync(nodeId, new VifAttachment(vif));
            Assert.Equal([vif], await Client.ListVifsAsync(nodeId));
            await Assert.ThrowsAsync<VifAlreadyAttachedException>(() => Client.AttachVifAsync(nodeId, new VifAttachment(vif)));
            await Assert.ThrowsAsync<NoFreePortException>(() => Client.AttachVifAsync(nodeId, new VifAttachment(extra)));

            List<Port> ports = await ToList(Client.ListPortsAsync(nodeId));
            Assert.Equal(vif.ToString(), Assert.Single(ports).InternalInfo!["tenant_vif_port_id"].GetString());

            await Client.DetachVifAsync(nodeId, vif);
            Assert.Empty(await Client.ListVifsAsync(nodeId));
            await Assert.ThrowsAsync<VifNotAttachedException>(() => Client.DetachVifAsync(nodeId, vif));
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task Power_off_on_and_reboot_settle_with_the_exact_targets()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            foreach ((PowerTarget target, PowerState expected) in new[]
            {
                (PowerTarget.PowerOn, PowerState.PowerOn), (PowerTarget.Rebooting, PowerState.PowerOn),
                (PowerTarget.SoftRebooting, PowerState.PowerOn), (PowerTarget.PowerOff, PowerState.PowerOff),
            })
            {
                await Client.SetPowerStateAsync(nodeId, target);
                Node node = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                    n => n.TargetPowerState is null, $"{target} to settle");
                Assert.Equal(expected, node.PowerState);
            }
            await Client.SetPowerStateAsync(nodeId, PowerTarget.SoftPowerOff, TimeSpan.FromSeconds(30));
            Assert.Equal(PowerState.PowerOff, (await Target.WaitUntilAsync(() => Client.GetNodeStatesAsync(nodeId), s => s.TargetPowerState is null, "soft off")).PowerState);
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task Console_enable_gives_socat_info_and_disable_clears_it()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.SetConsoleEnabledAsync(nodeId, true);
            NodeConsole enabled = await Target.WaitUntilAsync(() => Client.GetConsoleAsync(nodeId), c => c.ConsoleEnabled, "console enabled");
            Assert.Equal("socat", enabled.ConsoleInfo!.Type);
            Assert.StartsWith("tcp://", enabled.ConsoleInfo.Url);

            await Client.SetConsoleEnabledAsync(nodeId, false);
            NodeConsole disabled = await Target.WaitUntilAsync(() => Client.GetConsoleAsync(nodeId), c => !c.ConsoleEnabled, "console disabled");
            Assert.Null(disabled.ConsoleInfo);
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task Traits_set_add_remove_and_a_missing_trait_is_not_found()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.SetTraitsAsync(nodeId, ["CUSTOM_GOLD", "HW_CPU_X86_VMX"]);
            await Client.AddTraitAsync(nodeId, "CUSTOM_RAID");
            Assert.Equal(["CUSTOM_GOLD", "CUSTOM_RAID", "HW_CPU_X86_VMX"], (await Client.GetTraitsAsync(nodeId)).Order());
            await Client.RemoveTraitAsync(nodeId, "CUSTOM_RAID");
            await Assert.ThrowsAsync<IronicNotFoundException>(() => Client.RemoveTraitAsync(nodeId, "CUSTOM_NOPE"));
            await Client.SetTraitsAsync(nodeId, []);
            Assert.Empty(await Client.GetTraitsAsync(nodeId));
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task An_invalid_transition_is_400_InvalidStateTransition_and_changes_nothing()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidStateTransitionException>(() =>
                Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted)));
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.NotNull(error.RequestId);
            Assert.Equal(ProvisionState.Available, (await Client.GetNodeAsync(nodeId, NodeFields.Driver)).ProvisionState);
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task The_resource_cache_lists_every_node_across_pages_with_its_filter_and_reserves_the_used_ones()
    {
        NodeId reserved = await Target.LeaseNodeAsync();
        try
        {
            await Reserve(reserved, InstanceId.FromGuid(Guid.NewGuid()));
            using HttpClient http = Target.CreateRawClient();
            using JsonDocument all = await GetJson(http, "/v1/nodes?fields=uuid&conductor_group=");
            var cache = Target.Services.GetRequiredService<BareMetal.Driver.Resources.INodeResourceCache>();

            BareMetal.Driver.Resources.NodeSnapshot snapshot = await cache.RefreshAsync();

            Assert.True(snapshot.Nodes.Count > 5, "the fleet must span several pages");
            Assert.Equal(all.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("uuid").GetString()).Order(),
                snapshot.Nodes.Select(n => n.Node.ToString()).Order());
            Assert.True(snapshot.Find(reserved)!.Reserved);
            Assert.False(snapshot.Find(reserved)!.Available);
        }
        finally
        {
            await Release(reserved);
            Target.Return(reserved);
        }
    }

    [ContractFact]
    public async Task Next_is_announced_on_every_full_page_keeps_fields_and_drops_the_provision_state_filter()
    {
        using HttpClient http = Target.CreateRawClient();
        using JsonDocument first = await GetJson(http, "/v1/nodes?provision_state=available&fields=uuid,provision_state&limit=1");
        JsonElement nodes = first.RootElement.GetProperty("nodes");
        string next = first.RootElement.GetProperty("next").GetString()!;
        var link = new Uri(next);

        Assert.Equal(Target.Endpoint.Port, link.Port);
        Assert.Equal("/v1/nodes", link.AbsolutePath);
        Assert.Contains("fields=uuid,provision_state", link.Query, StringComparison.Ordinal);
        Assert.Contains("limit=1", link.Query, StringComparison.Ordinal);
        Assert.Contains($"marker={nodes[0].GetProperty("uuid").GetString()}", link.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("provision_state=", link.Query, StringComparison.Ordinal);   // why clients must re-send their filters

        using JsonDocument byInstance = await GetJson(http, $"/v1/nodes?instance_uuid={Guid.NewGuid()}&fields=uuid&limit=1");
        Assert.False(byInstance.RootElement.TryGetProperty("next", out _));
        using JsonDocument all = await GetJson(http, "/v1/nodes?fields=uuid");
        int count = all.RootElement.GetProperty("nodes").GetArrayLength();
        using JsonDocument exact = await GetJson(http, $"/v1/nodes?fields=uuid&limit={count}");
        Assert.True(exact.RootElement.TryGetProperty("next", out _));   // a full last page still says "more"
        using JsonDocument beyond = await GetJson(http, new Uri(exact.RootElement.GetProperty("next").GetString()!).PathAndQuery);
        Assert.Equal(0, beyond.RootElement.GetProperty("nodes").GetArrayLength());
        Assert.False(beyond.RootElement.TryGetProperty("next", out _));
    }

    [ContractFact]
    public async Task Asynchronous_actions_answer_202_with_a_Location_on_the_nodes_states()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            using HttpClient http = Target.CreateRawClient();
            string states = $"{Target.Endpoint.GetLeftPart(UriPartial.Authority)}/v1/nodes/{nodeId}/states";
            using HttpResponseMessage power = await Put(http, $"/v1/nodes/{nodeId}/states/power", """{"target":"power on"}""");
            Assert.Equal(HttpStatusCode.Accepted, power.StatusCode);
            Assert.Equal(states, power.Headers.Location!.ToString());
            Assert.Empty(await power.Content.ReadAsByteArrayAsync());
            await Target.WaitUntilAsync(() => Client.GetNodeStatesAsync(nodeId), s => s.TargetPowerState is null, "power on");

            using HttpResponseMessage console = await Put(http, $"/v1/nodes/{nodeId}/states/console", """{"enabled":false}""");
            Assert.Equal(HttpStatusCode.Accepted, console.StatusCode);
            Assert.Equal($"{states}/console", console.Headers.Location!.ToString());

            using HttpResponseMessage manage = await Put(http, $"/v1/nodes/{nodeId}/states/provision", """{"target":"manage"}""");
            Assert.Equal(HttpStatusCode.Accepted, manage.StatusCode);
            Assert.Equal(states, manage.Headers.Location!.ToString());
            await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.ProvisionState == ProvisionState.Manageable, "manageable");
            using HttpResponseMessage provide = await Put(http, $"/v1/nodes/{nodeId}/states/provision", """{"target":"provide"}""");
            Assert.Equal(HttpStatusCode.Accepted, provide.StatusCode);
            await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.ProvisionState == ProvisionState.Available && n.TargetProvisionState is null, "available");
            await Client.SetPowerStateAsync(nodeId, PowerTarget.PowerOff);
            await Target.WaitUntilAsync(() => Client.GetNodeStatesAsync(nodeId), s => s.TargetPowerState is null, "power off");
        }
        finally { Target.Return(nodeId); }
    }

    [ContractFact]
    public async Task Rescue_needs_a_password_then_rescue_and_unrescue_return_to_active()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Active));
            await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.ProvisionState == ProvisionState.Active, "active");

            using HttpClient http = Target.CreateRawClient();
            using HttpResponseMessage refused = await Put(http, $"/v1/nodes/{nodeId}/states/provision", """{"target":"rescue"}""");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("rescue_password", IronicErrorBody.ReadMessage(await refused.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new("contract-s3cret") });
            Node rescued = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "rescue");
            Assert.Equal(ProvisionState.Rescue, rescued.ProvisionState);
            Node full = await Client.GetNodeAsync(nodeId);
            Assert.Equal("******", full.InstanceInfo!["rescue_password"].GetString());   // Ironic never gives the password back

            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Unrescue));
            Node back = await Target.WaitUntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver), n => n.TargetProvisionState is null, "unrescue");
            Assert.Equal(ProvisionState.Active, back.ProvisionState);
        }
        finally { await Target.ReturnAfterUseAsync(nodeId); }
    }

    [ContractFact]
    public async Task A_trait_that_is_neither_standard_nor_custom_is_400_and_not_added()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            using HttpClient http = Target.CreateRawClient();
            using HttpResponseMessage refused = await Put(http, $"/v1/nodes/{nodeId}/traits/lowercase_bad", null);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("^CUSTOM_[A-Z0-9_]+$", IronicErrorBody.ReadMessage(await refused.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
            Assert.DoesNotContain("lowercase_bad", await Client.GetTraitsAsync(nodeId));

            using HttpResponseMessage added = await Put(http, $"/v1/nodes/{nodeId}/traits/CUSTOM_CONTRACT", null);
            Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
            Assert.EndsWith($"/v1/nodes/{nodeId}/traits/CUSTOM_CONTRACT", added.Headers.Location!.ToString(), StringComparison.Ordinal);
            await Client.RemoveTraitAsync(nodeId, "CUSTOM_CONTRACT");
        }
        finally { Target.Return(nodeId); }
    }

    private static async Task<JsonDocument> GetJson(HttpClient http, string path)
    {
        using HttpResponseMessage response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    private static Task<HttpResponseMessage> Put(HttpClient http, string path, string? json) =>
        http.PutAsync(path, json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    private Task<Node> Reserve(NodeId nodeId, InstanceId instance) =>
        Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Add("/instance_uuid", instance.ToString())]);

    private Task<Node> Release(NodeId nodeId) =>
        Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Remove("/instance_uuid")]);

    private static string GzipBase64(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) { gzip.Write(System.Text.Encoding.UTF8.GetBytes(text)); }
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items) { list.Add(item); }
        return list;
    }
}
