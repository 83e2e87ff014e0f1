using Microsoft.Extensions.Time.Testing;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Resources;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Driver.Tests.Resources;

/// <summary>Two compute services sharing one Ironic: every free node is managed by exactly one live service, and no node is booked twice.</summary>
public sealed class TwoServicesTests
{
    /// <summary>A service group whose members the test changes.</summary>
    private sealed class Members(params string[] hosts) : IComputeMembership
    {
        public string[] Hosts { get; set; } = hosts;

        public Task<IReadOnlyCollection<string>> GetLiveHostsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyCollection<string>>(Hosts);
    }

    private sealed class Service : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;

        public Service(FakeIronic fake, FakeTimeProvider time, string host, Members members)
        {
            var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddSingleton<IComputeMembership>(members);
            services.AddIronicClient(o => { o.Endpoint = new("http://ironic.test"); o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24); }).UseFakeIronic(fake);
            services.AddBareMetalDriver(o => o.ComputeHost = host, configureCache: c => c.Host = host);
            _provider = services.BuildServiceProvider();
            Driver = _provider.GetRequiredService<IBareMetalDriver>();
            Cache = _provider.GetRequiredService<INodeResourceCache>();
        }

        public IBareMetalDriver Driver { get; }
        public INodeResourceCache Cache { get; }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }

    private static async Task<HashSet<NodeId>> Free(Service service, FakeTimeProvider time) =>
        [.. (await time.RunUntilCompletedAsync(service.Cache.GetAvailableNodesAsync(refresh: true))).Select(n => n.Node)];

    [Fact]
    public async Task Free_nodes_are_split_between_live_services_and_a_dead_peers_share_is_taken_over_at_the_next_refresh()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant }, time);
        IReadOnlyList<NodeId> nodes = fake.EnrollNodes(40);
        var members = new Members("compute-a", "compute-b");
        await using var a = new Service(fake, time, "compute-a", members);
        await using var b = new Service(fake, time, "compute-b", members);

        HashSet<NodeId> ofA = await Free(a, time);
        HashSet<NodeId> ofB = await Free(b, time);

        Assert.NotEmpty(ofA);
        Assert.NotEmpty(ofB);
        Assert.Empty(ofA.Intersect(ofB));
        Assert.Equal(nodes.Count, ofA.Count + ofB.Count);

        members.Hosts = ["compute-a"];   // compute-b stopped reporting
        Assert.Equal(nodes.Count, (await Free(a, time)).Count);
    }

    [Fact]
    public async Task Two_drivers_racing_over_the_same_nodes_book_each_exactly_once_and_tear_down_only_their_own()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant }, time);
        IReadOnlyList<NodeId> nodes = fake.EnrollNodes(10, (_, spec) => spec with { Ports = 2, Traits = ["CUSTOM_GOLD"] });
        var members = new Members("compute-a", "compute-b");
        await using var a = new Service(fake, time, "compute-a", members);
        await using var b = new Service(fake, time, "compute-b", members);

        // Both try every node at once, as two schedulers with stale views would.
        var attempts = nodes.SelectMany(n => new[] { a.Driver, b.Driver }.Select(d => (Driver: d, Request: DriverHarness.Spawn(n, vifs: 1))))
            .Select(async x =>
            {
                try { await x.Driver.SpawnAsync(x.Request); return (x.Driver, Instance: (InstanceId?)x.Request.Instance); }
                catch (NodeTakenException) { return (x.Driver, Instance: null); }
            }).ToList();
        var results = await time.RunUntilCompletedAsync(Task.WhenAll(attempts));

        InstanceId[] won = [.. results.Where(r => r.Instance is not null).Select(r => r.Instance!)];
        Assert.Equal(nodes.Count, won.Length);
        Assert.All(nodes, n => Assert.Contains(fake.GetNode(n).InstanceUuid!, won));
        Assert.All(nodes, n => Assert.Single(fake.GetNode(n).Vifs));

        // Each tears down what it won; the other's destroy of the same instance finds nothing left to do.
        foreach ((IBareMetalDriver driver, InstanceId? instance) in results.Where(r => r.Instance is not null))
        {
            IBareMetalDriver other = ReferenceEquals(driver, a.Driver) ? b.Driver : a.Driver;
            await time.RunUntilCompletedAsync(driver.DestroyAsync(new DestroyRequest { Instance = instance! }));
            await time.RunUntilCompletedAsync(other.DestroyAsync(new DestroyRequest { Instance = instance! }));
        }
        fake.SettleAll();
        Assert.All(nodes, n => Assert.Null(fake.GetNode(n).InstanceUuid));
    }
}
