using System.Text.Json;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Spawning;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Volumes;

/// <summary>Boot from volume: targets created before the deploy, removed on tear-down and after a failed spawn; the connector.</summary>
public sealed class BootFromVolumeTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Iscsi = new Dictionary<string, JsonElement>
    {
        ["target_iqn"] = JsonSerializer.SerializeToElement("iqn.2010-10.org.openstack:volume-1"),
        ["target_portal"] = JsonSerializer.SerializeToElement("192.0.2.10:3260"),
        ["target_lun"] = JsonSerializer.SerializeToElement(1),
    };

    private static SpawnRequest FromVolume(NodeId node) => DriverHarness.Spawn(node) with
    {
        ImageSource = null,
        Volumes = [new InstanceVolume("vol-data", "iscsi", 1) { Properties = Iscsi }, new InstanceVolume("vol-root", "iscsi", 0) { Properties = Iscsi }],
    };

    private static async Task<List<VolumeTarget>> Targets(DriverHarness h, NodeId node)
    {
        List<VolumeTarget> targets = [];
        await foreach (VolumeTarget t in h.Client.ListVolumeTargetsAsync(node)) { targets.Add(t); }
        return targets;
    }

    [Fact]
    public async Task A_volume_booted_spawn_creates_the_targets_before_the_deploy_without_an_image_and_destroy_removes_them()
    {
        await using var h = new DriverHarness(nodes: 1);
        SpawnRequest request = FromVolume(h.Nodes[0]);

        await h.Run(h.Driver.SpawnAsync(request));

        Assert.False(h.Fake.GetNode(h.Nodes[0]).InstanceInfo.ContainsKey("image_source"));
        List<VolumeTarget> targets = await h.Run(Targets(h, h.Nodes[0]));
        Assert.Equal(["vol-root", "vol-data"], targets.Select(t => t.VolumeId));   // boot volume first
        Assert.Equal("iqn.2010-10.org.openstack:volume-1", targets[0].Properties!["target_iqn"].GetString());
        string[] calls = [.. h.Fake.Requests.Select(r => r.Route)];
        Assert.True(Array.LastIndexOf(calls, FakeRoutes.CreateVolumeTarget) < Array.IndexOf(calls, FakeRoutes.SetProvisionState));

        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance, VolumeIds = ["vol-root", "vol-data"] }));

        Assert.Empty(await h.Run(Targets(h, h.Nodes[0])));
        SpawnTests.AssertLeftAsFound(h, h.Nodes[0]);
    }

    [Theory]
    [InlineData(FakeRoutes.Validate)]
    [InlineData(FakeRoutes.SetProvisionState)]
    [InlineData(FakeRoutes.CreateVolumeTarget)]
    public async Task A_failure_at_any_step_leaves_the_node_and_its_volume_targets_as_found(string route)
    {
        await using var h = new DriverHarness(nodes: 1, maxRetries: 0);
        // A target someone else left on the node: not ours, so it stays. At boot index 1 it makes our second create fail (409).
        bool createFails = route == FakeRoutes.CreateVolumeTarget;
        VolumeTarget foreign = await h.Run(h.Client.CreateVolumeTargetAsync(
            new NewVolumeTarget(h.Nodes[0], "iscsi", createFails ? 1 : 7, "vol-foreign")));
        if (!createFails) { h.Fake.Faults.Add(new FakeFault(FakeFaultKind.ServiceUnavailable) { Route = route, Times = 5 }); }

        var error = await Assert.ThrowsAnyAsync<InstanceOperationException>(() => h.Run(h.Driver.SpawnAsync(FromVolume(h.Nodes[0]))));

        Assert.Null(error.CleanupFailure);
        SpawnTests.AssertLeftAsFound(h, h.Nodes[0]);
        Assert.Equal([foreign.Uuid], (await h.Run(Targets(h, h.Nodes[0]))).Select(t => t.Uuid));
    }

    [Fact]
    public async Task A_rebuild_of_a_volume_booted_instance_is_refused_and_writes_nothing()
    {
        await using var h = new DriverHarness(nodes: 1);
        SpawnRequest request = FromVolume(h.Nodes[0]);
        await h.Run(h.Driver.SpawnAsync(request));
        int before = h.Fake.Requests.Count(r => r.Route is FakeRoutes.PatchNode or FakeRoutes.SetProvisionState);

        await Assert.ThrowsAsync<VolumeRebuildUnsupportedException>(() => h.Run(h.Driver.RebuildAsync(
            new RebuildRequest { Instance = request.Instance, ImageSource = Guid.NewGuid().ToString() })));

        Assert.Equal(before, h.Fake.Requests.Count(r => r.Route is FakeRoutes.PatchNode or FakeRoutes.SetProvisionState));
    }

    [Fact]
    public async Task The_connector_carries_the_nodes_initiators_platform_and_ip()
    {
        await using var h = new DriverHarness(nodes: 1);
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]);
        await h.Run(h.Driver.SpawnAsync(request));
        await h.Run(h.Client.CreateVolumeConnectorAsync(new NewVolumeConnector(h.Nodes[0], "iqn", "iqn.2004-04.example:node-0")));
        await h.Run(h.Client.CreateVolumeConnectorAsync(new NewVolumeConnector(h.Nodes[0], "wwpn", "5001405a1b2c3d4e")));
        await h.Run(h.Client.CreateVolumeConnectorAsync(new NewVolumeConnector(h.Nodes[0], "ip", "192.0.2.50")));

        VolumeConnectorInfo connector = await h.Run(h.Driver.GetVolumeConnectorAsync(
            new VolumeConnectorRequest { Instance = request.Instance, Hostname = "vm-1" }));

        Assert.Equal("192.0.2.50", connector.Ip);
        Assert.Equal("192.0.2.50", connector.Host);
        Assert.Equal("iqn.2004-04.example:node-0", connector.Initiator);
        Assert.Equal(["5001405a1b2c3d4e"], connector.Wwpns);
        Assert.Empty(connector.Wwnns);
        Assert.Equal("baremetal", connector.OsType);
        Assert.False(connector.Multipath);
    }

    [Fact]
    public async Task A_mac_connector_takes_the_fixed_ip_of_the_vif_on_that_port_ipv4_first()
    {
        await using var h = new DriverHarness(nodes: 1);
        VifId wanted = VifId.FromGuid(Guid.NewGuid());
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0], vifs: 0) with
        {
            Vifs = [new InstanceVif(wanted, "net", [new InstanceSubnet("2001:db8::/64") { IpAddress = "2001:db8::5" },
                new InstanceSubnet("10.0.0.0/24") { IpAddress = "10.0.0.5" }])],
        };
        await h.Run(h.Driver.SpawnAsync(request));
        Port port = (await h.Run(h.Client.ListPortsAsync(h.Nodes[0]).ToListAsync().AsTask()))
            .Single(p => p.InternalInfo?.ContainsKey("tenant_vif_port_id") == true);
        await h.Run(h.Client.CreateVolumeConnectorAsync(new NewVolumeConnector(h.Nodes[0], "mac", port.Address!.ToUpperInvariant())));

        VolumeConnectorInfo connector = await h.Run(h.Driver.GetVolumeConnectorAsync(new VolumeConnectorRequest
        {
            Instance = request.Instance, Hostname = "vm-1",
            Vifs = [.. request.Vifs, new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "other", [new InstanceSubnet("192.0.2.0/24") { IpAddress = "192.0.2.9" }])],
        }));

        Assert.Equal("10.0.0.5", connector.Ip);
        Assert.Null(connector.Initiator);
    }

    [Fact]
    public async Task Without_any_connector_the_host_is_the_instances_host_name()
    {
        await using var h = new DriverHarness(nodes: 1);
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0], vifs: 0);
        await h.Run(h.Driver.SpawnAsync(request));

        VolumeConnectorInfo connector = await h.Run(h.Driver.GetVolumeConnectorAsync(
            new VolumeConnectorRequest { Instance = request.Instance, Hostname = "vm-1" }));

        Assert.Null(connector.Ip);
        Assert.Equal("vm-1", connector.Host);
    }

    [Fact]
    public async Task Failed_spawn_clean_up_given_the_volumes_removes_their_targets_and_frees_the_node()
    {
        await using var h = new DriverHarness(nodes: 1);
        SpawnRequest request = FromVolume(h.Nodes[0]);
        await h.Run(h.Driver.ReserveAsync(request));
        foreach (InstanceVolume volume in request.Volumes)
        {
            await h.Run(h.Client.CreateVolumeTargetAsync(new NewVolumeTarget(h.Nodes[0], volume.VolumeType, volume.BootIndex, volume.VolumeId)));
        }

        await h.Run(h.Driver.CleanUpFailedSpawnAsync(request.Instance, [.. request.Volumes.Select(v => v.VolumeId)]));

        Assert.Empty(await h.Run(Targets(h, h.Nodes[0])));
        SpawnTests.AssertLeftAsFound(h, h.Nodes[0]);
    }
}
