using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BareMetal.Driver.Tests.Waiting;

public sealed class PollingTests
{
    [Fact]
    public async Task Polls_start_soon_after_the_request_back_off_to_the_interval_and_end_at_the_deadline_with_a_typed_error()
    {
        await using var h = new DriverHarness(nodes: 1, fakeOptions: new FakeIronicOptions { Timings = new FakeIronicTimings { Deploying = Timeout.InfiniteTimeSpan } });
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]) with { Timeout = TimeSpan.FromSeconds(30) };

        var error = await Assert.ThrowsAsync<WaitTimedOutException>(() => h.Run(h.Driver.SpawnAsync(request)));

        Assert.Contains("deploying", error.Message, StringComparison.Ordinal);
        DateTimeOffset deployed = h.Fake.Requests.First(r => r.Route == FakeRoutes.SetProvisionState).At;
        TimeSpan[] polls = [.. h.Fake.Requests.SkipWhile(r => r.Route != FakeRoutes.SetProvisionState).Skip(1)
            .TakeWhile(r => r.Route == FakeRoutes.GetNode).Select(r => r.At - deployed).Where(t => t <= TimeSpan.FromSeconds(32))];
        // The test clock moves in steps of 100 ms while requests are in flight: each time is exact to one step.
        Assert.InRange(polls[0].TotalMilliseconds, 100, 200);
        int[] pauses = [.. polls.Zip(polls.Skip(1), (a, b) => (int)(b - a).TotalMilliseconds)];
        int[] backoff = [200, 400, 800, 1600, 2000, 2000];
        Assert.All(backoff.Zip(pauses), p => Assert.InRange(p.Second, p.First - 100, p.First + 100));
        Assert.InRange(polls[^1], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32));
        // The cleanup waited for a deploy that never ends: it gives up too, and the deployed node keeps its owner.
        Assert.IsType<WaitTimedOutException>(error.CleanupFailure);
        Assert.Equal(request.Instance, h.Fake.GetNode(h.Nodes[0]).InstanceUuid);
    }

    [Fact]
    public void Invalid_driver_options_fail_at_startup_by_name()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBareMetalDriver(o => { o.ComputeHost = ""; o.PollInterval = TimeSpan.Zero; });
        using ServiceProvider provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(error.Failures, f => f.Contains("ComputeHost", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("PollInterval", StringComparison.Ordinal));
    }
}
