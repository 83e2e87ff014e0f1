using Microsoft.Extensions.Time.Testing;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Testing;

namespace BareMetal.Contract.Tests.Targets;

/// <summary>The fake with Ironic's default-like timings: transitions take a few seconds of its clock.</summary>
public sealed class FakeTargetFixture : IAsyncLifetime
{
    public IronicTarget Target { get; } = new FakeIronicTarget("fake", new FakeIronicOptions(), nodes: 20, new FakeTimeProvider());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Target.DisposeAsync();
}

/// <summary>
/// The fake with slow deploys, tear-downs and rescues, mirroring the real slow instance CI starts with
/// <c>IRONIC_FAKE_DELAYS="deploy_delay=2 rescue_delay=3"</c>: prepare and deploy (or tear-down and clean-up) each
/// sleep the delay while the conductor holds the node.
/// </summary>
public sealed class SlowFakeTargetFixture : IAsyncLifetime
{
    public IronicTarget Target { get; } = new FakeIronicTarget("slow fake", new FakeIronicOptions
    {
        Timings = new FakeIronicTimings { Deploying = TimeSpan.FromSeconds(4), Deleting = TimeSpan.FromSeconds(4), Rescuing = TimeSpan.FromSeconds(3) },
    }, nodes: 3, new FakeTimeProvider());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Target.DisposeAsync();
}

/// <summary>A real Ironic named by an environment variable; built only when it is set (otherwise the tests skip, saying so).</summary>
public abstract class RealTargetFixture(string variable) : IAsyncLifetime
{
    private IronicTarget? _target;

    public IronicTarget Target => _target ?? throw new InvalidOperationException($"{variable} is not set.");

    public Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url) { _target = new RealIronicTarget($"real ({variable})", new Uri(url)); }
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_target is not null) { await _target.DisposeAsync(); }
    }
}

/// <summary>The real Ironic at IRONIC_URL (CI: enroll.sh 20, no delays).</summary>
public sealed class RealTargetAtIronicUrl() : RealTargetFixture(RealIronic.Url);

/// <summary>Every class on the real Ironic at IRONIC_URL shares one target, so they take nodes from one pool and never the same node.</summary>
[CollectionDefinition(Name)]
public sealed class SharedRealIronic : ICollectionFixture<RealTargetAtIronicUrl>
{
    public const string Name = "real Ironic at IRONIC_URL";
}

/// <summary>The real Ironic at IRONIC_SLOW_URL (CI: <c>IRONIC_FAKE_DELAYS="deploy_delay=2 rescue_delay=3"</c>, enroll.sh 3).</summary>
public sealed class RealTargetAtIronicSlowUrl() : RealTargetFixture(RealIronic.SlowUrl);

/// <summary>Every class on the slow real Ironic shares one target and runs one at a time: it has three nodes.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSlowRealIronic : ICollectionFixture<RealTargetAtIronicSlowUrl>
{
    public const string Name = "real Ironic at IRONIC_SLOW_URL";
}

/// <summary>The environment variables that name real servers, and how to start them.</summary>
public static class RealIronic
{
    public const string Url = "IRONIC_URL";
    public const string SlowUrl = "IRONIC_SLOW_URL";
    public const string SlowRestart = "IRONIC_SLOW_RESTART";

    public static string HowToStart(string variable) => variable switch
    {
        SlowUrl => "IRONIC_SLOW_URL is not set: start a slow real Ironic (IRONIC_FAKE_DELAYS=\"deploy_delay=2 rescue_delay=3\" IRONIC_PORT=6393 IRONIC_STATE_DIR=/tmp/slow-ironic eng/ironic/start.sh, enroll.sh 3) and export IRONIC_SLOW_URL=http://127.0.0.1:6393.",
        SlowRestart => "IRONIC_SLOW_RESTART is not set: give a shell command that stops and starts the Ironic at IRONIC_SLOW_URL "
            + "(e.g. IRONIC_PORT=6393 IRONIC_STATE_DIR=/tmp/slow-ironic eng/ironic/stop.sh && ... eng/ironic/start.sh).",
        _ => "IRONIC_URL is not set: start a real Ironic (eng/ironic/start.sh, enroll.sh 20) and export IRONIC_URL=http://127.0.0.1:6385 to run this contract test.",
    };
}
