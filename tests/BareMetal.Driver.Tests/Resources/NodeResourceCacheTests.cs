using Microsoft.Extensions.Time.Testing;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Driver.Tests.Resources;

public sealed class NodeResourceCacheTests
{
    private sealed class Harness : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;

        public Harness(FakeIronic fake, Action<ResourceCacheOptions>? configure = null, IOwnedInstances? owned = null, int pageSize = 1000)
        {
            Fake = fake;
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<TimeProvider>(fake.TimeProvider);
            if (owned is not null) { services.AddSingleton(owned); }
            services.AddIronicClient(o => { o.Endpoint = new Uri("http://127.0.0.1:6385"); o.MaxRetries = 0; o.PageSize = pageSize; o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24); }).UseFakeIronic(fake);
            services.AddBareMetalDriver(o => o.ComputeHost = "compute-a", configureCache: configure);
            _provider = services.BuildServiceProvider();
            Cache = _provider.GetRequiredService<INodeResourceCache>();
        }

        public FakeIronic Fake { get; }
        public INodeResourceCache Cache { get; }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }

    private sealed class Owned(params InstanceId[] ids) : IOwnedInstances
    {
        public Task<IReadOnlySet<InstanceId>> GetAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<InstanceId>>(ids.ToHashSet());
    }

    [Fact]
    public async Task A_refresh_pages_with_only_the_driver_fields_and_keeps_the_filter_on_every_page()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        fake.EnrollNodes(250, (i, spec) => spec with { ConductorGroup = i % 2 == 0 ? "rack1" : "" });
        await using var h = new Harness(fake, o => o.ConductorGroup = "rack1", pageSize: 50);

        NodeSnapshot snapshot = await h.Cache.RefreshAsync();

        Assert.Equal(125, snapshot.Nodes.Count);
        FakeRequestRecord[] pages = [.. fake.Requests.Where(r => r.Route == FakeRoutes.ListNodes)];
        Assert.Equal(3, pages.Length);
        Assert.All(pages, p => Assert.Contains("conductor_group=rack1", p.PathAndQuery, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Contains("fields=uuid%2Cpower_state", p.PathAndQuery, StringComparison.Ordinal));
        Assert.All(snapshot.Nodes, n => Assert.Equal("CUSTOM_BAREMETAL_GOLD", n.ResourceClass));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_listing()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        fake.EnrollNodes(10);
        fake.Faults.Add(new FakeFault(FakeFaultKind.Latency) { Route = FakeRoutes.ListNodes, Latency = TimeSpan.FromSeconds(1) });
        await using var h = new Harness(fake);
        var time = (FakeTimeProvider)fake.TimeProvider;

        Task<NodeSnapshot>[] refreshes = [.. Enumerable.Range(0, 20).Select(_ => h.Cache.RefreshAsync())];
        await time.RunUntilCompletedAsync(Task.WhenAll(refreshes));

        Assert.Single(fake.Requests, r => r.Route == FakeRoutes.ListNodes);
        Assert.All(refreshes, r => Assert.Same(refreshes[0].Result, r.Result));
    }

    [Fact]
    public async Task Before_the_first_success_readers_get_NotReady_and_a_failed_refresh_keeps_the_last_snapshot_marked_stale()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(timeProvider: time);
        fake.EnrollNodes(5);
        await using var h = new Harness(fake);
        fake.Faults.Add(FakeFault.Once(FakeFaultKind.ServiceUnavailable, FakeRoutes.ListNodes));

        await Assert.ThrowsAsync<BareMetal.Ironic.Errors.IronicUnavailableException>(() => h.Cache.RefreshAsync());
        Assert.IsType<BareMetal.Ironic.Errors.IronicUnavailableException>(Assert.Throws<ResourceCacheNotReadyException>(() => h.Cache.Current).InnerException);

        NodeSnapshot good = await h.Cache.RefreshAsync();
        time.Advance(TimeSpan.FromMinutes(3));
        fake.Faults.Add(new FakeFault(FakeFaultKind.DropRequest) { Route = FakeRoutes.ListNodes });
        await Assert.ThrowsAnyAsync<BareMetal.Ironic.Errors.BareMetalException>(() => h.Cache.RefreshAsync());

        Assert.Same(good, h.Cache.Current);
        Assert.Equal(5, h.Cache.Current.Nodes.Count);
        ResourceCacheStatus status = h.Cache.Status;
        Assert.True(status.Stale);
        Assert.Equal(TimeSpan.FromMinutes(3), status.Age);
        Assert.NotNull(status.LastError);
    }

    [Fact]
    public async Task Peers_on_one_fleet_each_manage_their_share_and_every_free_node_exactly_one_of_them()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        fake.EnrollNodes(300);
        string[] hosts = ["compute-a", "compute-b", "compute-c"];
        var managed = new List<NodeId>();
        foreach (string host in hosts)
        {
            await using var h = new Harness(fake, o => { o.Host = host; foreach (string peer in hosts.Where(p => p != host)) { o.Peers.Add(peer); } });
            NodeSnapshot snapshot = await h.Cache.RefreshAsync();
            Assert.InRange(snapshot.Nodes.Count, 50, 150);
            var ring = new HashRing(hosts);
            Assert.All(snapshot.Nodes, n => Assert.Equal(host, ring.OwnerOf(n.Node.ToString())));
            managed.AddRange(snapshot.Nodes.Select(n => n.Node));
        }
        Assert.Equal(300, managed.Count);
        Assert.Equal(300, managed.Distinct().Count());
    }

    [Fact]
    public async Task Nodes_holding_another_services_instances_are_never_managed_and_ours_always_are()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        InstanceId mine = InstanceId.FromGuid(Guid.NewGuid()), theirs = InstanceId.FromGuid(Guid.NewGuid());
        NodeId a = fake.AddNode(new FakeNodeSpec { InstanceUuid = mine, ProvisionState = ProvisionState.Active });
        NodeId b = fake.AddNode(new FakeNodeSpec { InstanceUuid = theirs, ProvisionState = ProvisionState.Active });
        await using var h = new Harness(fake, o => { o.Host = "compute-a"; o.Peers.Add("compute-b"); }, new Owned(mine));

        NodeSnapshot snapshot = await h.Cache.RefreshAsync();

        Assert.NotNull(snapshot.Find(a));
        Assert.Null(snapshot.Find(b));
        Assert.True(snapshot.Find(a)!.Reserved);
    }

    [Fact]
    public async Task A_node_that_held_an_instance_stays_reserved_through_cleaning_until_seen_available()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        NodeId node = fake.AddNode(new FakeNodeSpec { InstanceUuid = instance, ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn });
        await using var h = new Harness(fake);
        Assert.True((await h.Cache.RefreshAsync()).Find(node)!.Reserved);

        // Ironic's tear-down released the instance, and the node is still cleaning: the scheduler must not get it yet.
        using (var http = new HttpClient(fake.CreateHandler()) { BaseAddress = new Uri("http://127.0.0.1:6385") })
        {
            http.DefaultRequestHeaders.Add("X-OpenStack-Ironic-API-Version", "1.82");
            using HttpResponseMessage released = await http.PatchAsync($"/v1/nodes/{node}",
                new StringContent("""[{"op":"remove","path":"/instance_uuid"}]""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(released.IsSuccessStatusCode);
        }
        fake.SetPowerState(node, PowerState.PowerOff);
        fake.SetProvisionState(node, ProvisionState.Cleaning, ProvisionState.Available);
        await h.Cache.RefreshAsync();
        Assert.False(h.Cache.Current.Find(node)!.Available);
        Assert.True(h.Cache.Current.Find(node)!.Reserved);

        fake.SetProvisionState(node, ProvisionState.Available);
        NodeSnapshot free = await h.Cache.RefreshAsync();
        Assert.Null(free.Find(node)!.Instance);
        Assert.True(free.Find(node)!.Available);
        Assert.False(free.Find(node)!.Reserved);
        Assert.True(await h.Cache.IsNodeAvailableAsync(node));
    }

    [Fact]
    public async Task A_shard_keeps_only_its_nodes_and_their_inventory_is_one_unit_reserved_when_used()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        IReadOnlyList<NodeId> nodes = fake.EnrollNodes(6, (i, spec) => spec with { Shard = i < 3 ? "east" : "west", InstanceUuid = i == 0 ? InstanceId.FromGuid(Guid.NewGuid()) : null });
        await using var h = new Harness(fake, o => o.Shard = "east");

        NodeSnapshot snapshot = await h.Cache.RefreshAsync();

        Assert.Equal(nodes.Take(3), snapshot.Nodes.Select(n => n.Node));
        Assert.All(fake.Requests.Where(r => r.Route == FakeRoutes.ListNodes), r => Assert.Contains("shard=east", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(new ProviderInventory("CUSTOM_BAREMETAL_GOLD", 1, 1), snapshot.Find(nodes[0])!.Inventory);
        Assert.Equal(new ProviderInventory("CUSTOM_BAREMETAL_GOLD", 1, 0), snapshot.Find(nodes[1])!.Inventory);
        Assert.Equal((1, 1, 1, 1.0), (snapshot.Find(nodes[1])!.Inventory!.MinUnit, snapshot.Find(nodes[1])!.Inventory!.MaxUnit,
            snapshot.Find(nodes[1])!.Inventory!.StepSize, snapshot.Find(nodes[1])!.Inventory!.AllocationRatio));
    }

    [Fact]
    public async Task A_server_too_old_for_the_partitioning_fails_closed()
    {
        var fake = new FakeIronic(new FakeIronicOptions { MaximumApiVersion = "1.45" }, new FakeTimeProvider());
        fake.EnrollNodes(3);
        await using var h = new Harness(fake, o => o.ConductorGroup = "rack1");
        await Assert.ThrowsAsync<PartitioningUnsupportedException>(() => h.Cache.RefreshAsync());
        Assert.DoesNotContain(fake.Requests, r => r.Route == FakeRoutes.ListNodes);
        Assert.Throws<ResourceCacheNotReadyException>(() => h.Cache.Current);
    }

    [Fact]
    public async Task The_scheduling_view_queries_by_class_traits_and_availability_and_the_feed_reports_each_change()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        IReadOnlyList<NodeId> nodes = fake.EnrollNodes(4, (i, spec) => spec with { ResourceClass = i < 2 ? "gold" : "silver", Traits = i == 0 ? ["CUSTOM_RAID"] : [] });
        await using var h = new Harness(fake);
        using var stop = new CancellationTokenSource();
        IAsyncEnumerator<NodeSnapshotChange> feed = h.Cache.WatchAsync(stop.Token).GetAsyncEnumerator();
        Task<bool> first = feed.MoveNextAsync().AsTask();

        NodeSnapshot snapshot = await h.Cache.RefreshAsync();
        Assert.True(await first);
        Assert.Equal(4, feed.Current.Added.Count);
        Assert.Equal(2, snapshot.Query(resourceClass: "gold").Count());
        Assert.Equal([nodes[0]], snapshot.Query(resourceClass: "CUSTOM_GOLD", traits: ["CUSTOM_RAID"]).Select(n => n.Node));

        fake.SetMaintenance(nodes[1], true);
        fake.RemoveNode(nodes[3]);
        Task<bool> second = feed.MoveNextAsync().AsTask();
        snapshot = await h.Cache.RefreshAsync();
        Assert.True(await second);
        Assert.Equal([nodes[1]], feed.Current.Changed.Select(n => n.Node));
        Assert.Equal([nodes[3]], feed.Current.Removed);
        Assert.Equal([nodes[0]], snapshot.Query(resourceClass: "gold", available: true).Select(n => n.Node));
        await stop.CancelAsync();
        await feed.DisposeAsync();
    }

    [Fact]
    public async Task The_feed_reports_an_instances_power_and_provision_changes_as_instance_events()
    {
        var fake = new FakeIronic(timeProvider: new FakeTimeProvider());
        var instance = InstanceId.FromGuid(Guid.NewGuid());
        NodeId held = fake.AddNode(new FakeNodeSpec
        {
            ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn, InstanceUuid = instance, ResourceClass = "gold",
        });
        NodeId free = fake.EnrollNodes(1)[0];
        await using var h = new Harness(fake);
        using var stop = new CancellationTokenSource();
        IAsyncEnumerator<NodeSnapshotChange> feed = h.Cache.WatchAsync(stop.Token).GetAsyncEnumerator();
        Task<bool> first = feed.MoveNextAsync().AsTask();
        await h.Cache.RefreshAsync();
        Assert.True(await first);
        Assert.Empty(feed.Current.InstanceChanges);

        fake.SetPowerState(held, PowerState.PowerOff);
        fake.SetMaintenance(free, true);
        Task<bool> second = feed.MoveNextAsync().AsTask();
        await h.Cache.RefreshAsync();
        Assert.True(await second);

        InstanceStateChange change = Assert.Single(feed.Current.InstanceChanges);
        Assert.Equal((instance, held, "power on", "power off"), (change.Instance, change.Node, change.PowerBefore, change.PowerAfter));
        Assert.True(change.PowerChanged);
        Assert.False(change.ProvisionChanged);
        await stop.CancelAsync();
        await feed.DisposeAsync();
    }
}
