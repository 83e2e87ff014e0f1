using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BareMetal.Ironic.Tests.Support;

/// <summary>An <see cref="IIronicClient"/> wired through the real DI registration, over a scripted handler and a manual clock.</summary>
internal sealed class TestClient : IDisposable
{
    private readonly ServiceProvider _provider;

    public TestClient(Action<IronicClientOptions>? configure = null, ScriptedHandler? handler = null, ScriptedHandler? keystone = null)
    {
        Handler = handler ?? new ScriptedHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
        services.AddIronicClient(o =>
        {
            o.Endpoint = new Uri("http://ironic.test:6385");
            o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24);   // the longest allowed: the test clock moves in steps while requests are in flight
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => Handler);
        if (keystone is not null)
        {
            services.AddHttpClient(BareMetal.Ironic.Auth.KeystoneTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => keystone);
        }
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IIronicClient>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public FakeLogCollector Logs { get; } = new();
    public ScriptedHandler Handler { get; }
    public IIronicClient Client { get; }
    public IServiceProvider Services => _provider;

    public Task<T> Run<T>(Task<T> task) => Time.RunUntilCompletedAsync(task);
    public Task Run(Task task) => Time.RunUntilCompletedAsync(task);

    public void Dispose() => _provider.Dispose();
}
