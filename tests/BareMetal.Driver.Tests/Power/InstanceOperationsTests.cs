using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Power;

/// <summary>Power, rescue, rebuild, interfaces and instance queries on a spawned instance.</summary>
public sealed class InstanceOperationsTests
{
    private static async Task<(DriverHarness H, InstanceId Instance, NodeId Node)> Spawned()
    {
        var h = new DriverHarness(nodes: 2);
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0], vifs: 1);
        await h.Run(h.Driver.SpawnAsync(request));
        h.Fake.ClearRequests();
        return (h, request.Instance, request.Node);
    }

    private static string[] PowerTargets(DriverHarness h) =>
        [.. h.Fake.Requests.Where(r => r.Route == FakeRoutes.SetPowerState).Select(r => $"{r.Status} {System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("target").GetString()}")];

    [Fact]
    public async Task Soft_reboot_sends_soft_rebooting_and_falls_back_to_rebooting_where_the_node_cannot()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        await h.Run(h.Driver.RebootAsync(instance, soft: true));
        Assert.Equal(["202 soft rebooting"], PowerTargets(h));

        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/power_interface", "snmp")]);
        h.Fake.ClearRequests();
        await h.Run(h.Driver.RebootAsync(instance, soft: true));
        Assert.Equal(["400 soft rebooting", "202 rebooting"], PowerTargets(h));
        Assert.Equal(PowerState.PowerOn, h.Fake.GetNode(node).PowerState);
    }

    [Fact]
    public async Task Power_off_tries_soft_with_a_timeout_then_hard_when_soft_fails_and_power_on_turns_it_back_on()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        h.Fake.FailNext(node, FakeOperationKind.Power, "soft power off timed out in the BMC");

        await h.Run(h.Driver.PowerOffAsync(instance, TimeSpan.FromSeconds(30)));
        Assert.Equal(["202 soft power off", "202 power off"], PowerTargets(h));
        Assert.Contains("\"timeout\":30", h.Fake.Requests.First(r => r.Route == FakeRoutes.SetPowerState).Body!, StringComparison.Ordinal);
        Assert.Equal(PowerState.PowerOff, h.Fake.GetNode(node).PowerState);
        Assert.Equal(InstancePowerState.Shutdown, (await h.Run(h.Driver.GetInfoAsync(instance))).PowerState);

        await h.Run(h.Driver.PowerOnAsync(instance));
        Assert.Equal(InstancePowerState.Running, (await h.Run(h.Driver.GetInfoAsync(instance))).PowerState);
    }

    [Fact]
    public async Task Rescue_and_unrescue_reach_their_states_and_the_password_never_reaches_a_log()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        await h.Run(h.Driver.RescueAsync(new RescueRequest { Instance = instance, Password = new Secret<string>("Rescue-Pa55-word") }));
        Assert.Equal(ProvisionState.Rescue, h.Fake.GetNode(node).ProvisionState);
        await h.Run(h.Driver.UnrescueAsync(instance));
        Assert.Equal(ProvisionState.Active, h.Fake.GetNode(node).ProvisionState);
        Assert.DoesNotContain("Rescue-Pa55-word", h.Logs.AllText(), StringComparison.Ordinal);
        Assert.Contains("rescue_password", h.Logs.AllText(), StringComparison.Ordinal);   // the body was logged, redacted

        await Assert.ThrowsAsync<InvalidDriverRequestException>(() => h.Driver.RescueAsync(new RescueRequest { Instance = instance, Password = new Secret<string>("") }));
    }

    [Fact]
    public async Task A_failed_rescue_is_RescueFailed_with_last_error()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        h.Fake.FailNext(node, FakeOperationKind.Rescue, "ramdisk did not call back");
        var error = await Assert.ThrowsAsync<RescueFailedException>(() => h.Run(h.Driver.RescueAsync(new RescueRequest { Instance = instance, Password = new Secret<string>("pw") })));
        Assert.Equal("ramdisk did not call back", error.LastError);
    }

    [Fact]
    public async Task Rebuild_writes_the_new_image_sends_a_fresh_config_drive_and_ends_active()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        SpawnRequest original = DriverHarness.Spawn(node);
        Node rebuilt = await h.Run(h.Driver.RebuildAsync(new RebuildRequest
        {
            Instance = instance, ImageSource = "https://images.example/new.qcow2",
            ConfigDrive = original.ConfigDrive! with { Metadata = original.ConfigDrive!.Metadata with { Uuid = instance } },
        }));
        Assert.Equal(ProvisionState.Active, rebuilt.ProvisionState);
        Assert.Equal("https://images.example/new.qcow2", h.Fake.GetNode(node).InstanceInfo["image_source"]!.GetValue<string>());
        Assert.Contains(h.Fake.Requests, r => r.Route == FakeRoutes.SetProvisionState && r.Body!.Contains("\"rebuild\"", StringComparison.Ordinal) && r.Body.Contains("configdrive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interfaces_attach_and_detach_and_a_lost_answer_is_settled_by_listing()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        VifId extra = VifId.FromGuid(Guid.NewGuid());
        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.DropResponse, FakeRoutes.AttachVif));

        await h.Run(h.Driver.AttachInterfaceAsync(instance, extra));
        Assert.Contains(extra.ToString(), h.Fake.GetNode(node).Vifs);
        Assert.Single(h.Fake.Requests, r => r.Route == FakeRoutes.AttachVif);   // the VIF turned out attached: not sent again

        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.DropResponse, FakeRoutes.DetachVif));
        await h.Run(h.Driver.DetachInterfaceAsync(instance, extra));
        Assert.DoesNotContain(extra.ToString(), h.Fake.GetNode(node).Vifs);
        await h.Run(h.Driver.UnplugVifsAsync(instance, [extra]));   // already detached: fine
    }

    [Fact]
    public async Task Instance_queries_report_what_nodes_hold()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        Assert.True(await h.Run(h.Driver.InstanceExistsAsync(instance)));
        Assert.False(await h.Run(h.Driver.InstanceExistsAsync(InstanceId.FromGuid(Guid.NewGuid()))));
        Assert.Equal([instance], await h.Run(h.Driver.ListInstancesAsync()));
        InstanceInfo info = await h.Run(h.Driver.GetInfoAsync(instance));
        Assert.Equal((node, 16384, 8), (info.Node, info.MemoryMb, info.Vcpus));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Run(h.Driver.GetInfoAsync(InstanceId.FromGuid(Guid.NewGuid()))));
    }

    [Fact]
    public async Task A_crash_dump_goes_to_the_instances_node_and_a_refusal_is_a_specific_error()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;

        // fake-hardware refuses NMI, as the real Ironic does (sample 069).
        var refused = await Assert.ThrowsAsync<CrashDumpFailedException>(() => h.Run(h.Driver.TriggerCrashDumpAsync(instance)));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Run(h.Driver.TriggerCrashDumpAsync(InstanceId.FromGuid(Guid.NewGuid()))));

        Assert.Contains("does not support inject_nmi", refused.Message, StringComparison.Ordinal);
        Assert.False(refused.AnotherNodeMayHelp);
        FakeRequestRecord nmi = Assert.Single(h.Fake.Requests, r => r.Route.EndsWith("/management/inject_nmi", StringComparison.Ordinal));
        Assert.Equal(node, nmi.Node);
        Assert.Equal(0, h.Locks.Count);
    }

    [Fact]
    public async Task Node_exists_follows_Ironic()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        Assert.True(await h.Run(h.Driver.InstanceExistsAsync(instance)));

        Assert.True(await h.Run(h.Driver.NodeExistsAsync(node)));
        h.Fake.RemoveNode(h.Nodes[1]);
        Assert.False(await h.Run(h.Driver.NodeExistsAsync(h.Nodes[1])));
    }
}
