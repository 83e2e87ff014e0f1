using System.IO.Compression;
using System.Net;
using System.Text.Json;
using BareMetal.Contract.Tests.Targets;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Contract.Tests.Nodes;

/// <summary>The client's contract with Ironic, checked against a real server (IRONIC_URL). Written against <see cref="IIronicClient"/> only.</summary>
[Collection(RealIronicGroup.Name)]
public sealed class NodeContractTests(RealIronicFixture fixture)
{
    private IronicTarget Target => fixture.Target;
    private IIronicClient Client => Target.Client;

    [RealIronicFact]
    public async Task Version_discovery_negotiates_within_the_servers_range()
    {
        ApiVersionRange versions = await Client.GetApiVersionsAsync();

        Assert.True(versions.ServerMinimum <= versions.Negotiated && versions.Negotiated <= versions.ServerMaximum);
        Assert.Equal(ApiVersion.Min(versions.ServerMaximum, new ApiVersion(1, 82)), versions.Negotiated);
        Assert.True(versions.Supports(IronicFeature.Rescue));
    }

    [RealIronicFact]
    public async Task A_microversion_out_of_range_is_answered_406_with_the_range()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Target.Endpoint, "/v1/nodes"));
        request.Headers.Add("X-OpenStack-Ironic-API-Version", "1.999");
        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.True(response.Headers.Contains("X-OpenStack-Ironic-API-Maximum-Version"));
        string message = IronicErrorBody.ReadMessage(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("1.999", message);
    }

    [RealIronicFact]
    public async Task Unknown_node_is_NodeNotFound()
    {
        await Assert.ThrowsAsync<NodeNotFoundException>(() => Client.GetNodeAsync(NodeId.FromGuid(Guid.NewGuid())));
    }

    [RealIronicFact]
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

    [RealIronicFact]
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

    [RealIronicFact]
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

    [RealIronicFact]
    public async Task Deploy_with_a_config_drive_string_reaches_active_and_undeploy_returns_it_to_available()
    {
        await DeployAndUndeploy(ConfigDrive.FromImage(GzipBase64("config-2 image stand-in")));
    }

    [RealIronicFact]
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
            Node active = await Eventually.UntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                n => n.ProvisionState == ProvisionState.Active || n.ProvisionState?.IsFailure == true, "active");
            Assert.Equal(ProvisionState.Active, active.ProvisionState);
            Assert.Equal(instance, active.InstanceUuid);

            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted));
            Node free = await Eventually.UntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                n => n.ProvisionState == ProvisionState.Available && n.TargetProvisionState is null, "available");
            Assert.Null(free.InstanceUuid);   // Ironic's tear-down clears the reservation itself
        }
        finally
        {
            await ReturnToAvailable(nodeId);
        }
    }

    [RealIronicFact]
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

    [RealIronicFact]
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
                Node node = await Eventually.UntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
                    n => n.TargetPowerState is null, $"{target} to settle");
                Assert.Equal(expected, node.PowerState);
            }
            await Client.SetPowerStateAsync(nodeId, PowerTarget.SoftPowerOff, TimeSpan.FromSeconds(30));
            Assert.Equal(PowerState.PowerOff, (await Eventually.UntilAsync(() => Client.GetNodeStatesAsync(nodeId), s => s.TargetPowerState is null, "soft off")).PowerState);
        }
        finally { Target.Return(nodeId); }
    }

    [RealIronicFact]
    public async Task Console_enable_gives_socat_info_and_disable_clears_it()
    {
        NodeId nodeId = await Target.LeaseNodeAsync();
        try
        {
            await Client.SetConsoleEnabledAsync(nodeId, true);
            NodeConsole enabled = await Eventually.UntilAsync(() => Client.GetConsoleAsync(nodeId), c => c.ConsoleEnabled, "console enabled");
            Assert.Equal("socat", enabled.ConsoleInfo!.Type);
            Assert.StartsWith("tcp://", enabled.ConsoleInfo.Url);

            await Client.SetConsoleEnabledAsync(nodeId, false);
            NodeConsole disabled = await Eventually.UntilAsync(() => Client.GetConsoleAsync(nodeId), c => !c.ConsoleEnabled, "console disabled");
            Assert.Null(disabled.ConsoleInfo);
        }
        finally { Target.Return(nodeId); }
    }

    [RealIronicFact]
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

    [RealIronicFact]
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

    private Task<Node> Reserve(NodeId nodeId, InstanceId instance) =>
        Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Add("/instance_uuid", instance.ToString())]);

    private Task<Node> Release(NodeId nodeId) =>
        Client.PatchNodeAsync(nodeId, [JsonPatchOperation.Remove("/instance_uuid")]);

    private async Task ReturnToAvailable(NodeId nodeId)
    {
        Node node = await Client.GetNodeAsync(nodeId, NodeFields.Driver);
        if (node.ProvisionState == ProvisionState.Active || node.ProvisionState?.IsFailure == true)
        {
            await Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted));
        }
        node = await Eventually.UntilAsync(() => Client.GetNodeAsync(nodeId, NodeFields.Driver),
            n => n.TargetProvisionState is null, "the node to settle");
        if (node.InstanceUuid is not null) { await Release(nodeId); }
        if (node.ProvisionState == ProvisionState.Available) { Target.Return(nodeId); }
    }

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
