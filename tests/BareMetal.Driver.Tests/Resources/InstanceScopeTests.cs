using Microsoft.Extensions.Time.Testing;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Driver.Tests.Resources;

/// <summary>The instances a service lists are those on nodes it manages (group, shard, ownership), as in Nova.</summary>
public sealed class InstanceScopeTests
{
    private sealed class Owned(IReadOnlySet<InstanceId> ids) : IOwnedInstances
    {
        public Task<IReadOnlySet<InstanceId>> GetAsync(CancellationToken cancellationToken) => Task.FromResult(ids);
    }

    private static InstanceId Held(FakeIronic fake, string group, string? shard = null)
    {
        var instance = InstanceId.FromGuid(Guid.NewGuid());
        fake.AddNode(new FakeNodeSpec
        {
            ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn, InstanceUuid = instance, ConductorGroup = group, Shard = shard,
        });
        return instance;
    }

    private static async Task<IReadOnlyList<InstanceId>> List(FakeIronic fake, FakeTimeProvider time, Action<ResourceCacheOptions> cache,
        IOwnedInstances? owned = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        if (owned is not null) { services.AddSingleton(owned); }
        services.AddIronicClient(o => { o.Endpoint = new("http://ironic.test"); o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24); }).UseFakeIronic(fake);
        services.AddBareMetalDriver(o => o.ComputeHost = "compute-1", configureCache: cache);
        await using ServiceProvider provider = services.BuildServiceProvider();
        return await time.RunUntilCompletedAsync(provider.GetRequiredService<IBareMetalDriver>().ListInstancesAsync());
    }

    [Fact]
    public async Task Only_instances_in_this_services_conductor_group_and_shard_are_listed()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(timeProvider: time);
        InstanceId mine = Held(fake, "rack-1", "s1");
        InstanceId otherGroup = Held(fake, "rack-2", "s1");
        InstanceId otherShard = Held(fake, "rack-1", "s2");

        IReadOnlyList<InstanceId> listed = await List(fake, time, o => { o.Host = "compute-1"; o.ConductorGroup = "rack-1"; o.Shard = "s1"; });

        Assert.Equal([mine], listed);
        Assert.DoesNotContain(otherGroup, listed);
        Assert.DoesNotContain(otherShard, listed);
        Assert.Equal(3, (await List(fake, time, _ => { })).Count);
    }

    [Fact]
    public async Task With_ownership_known_only_owned_instances_are_listed()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(timeProvider: time);
        InstanceId mine = Held(fake, "");
        Held(fake, "");

        IReadOnlyList<InstanceId> listed = await List(fake, time, o => o.Host = "compute-1", new Owned(new HashSet<InstanceId> { mine }));

        Assert.Equal([mine], listed);
    }
}
