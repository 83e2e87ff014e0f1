using Microsoft.Extensions.Time.Testing;
using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Ironic.Fake.Tests.Support;

/// <summary>A fake Ironic and a real <see cref="IIronicClient"/> over it, sharing one manual clock. Retries are off so every answer is seen as sent.</summary>
internal sealed class FakeHarness : IDisposable
{
    public static readonly Uri Endpoint = new("http://127.0.0.1:6385");
    private readonly ServiceProvider _provider;

    public FakeHarness(FakeIronicOptions? options = null, int seed = 0, int nodes = 0)
    {
        Fake = new FakeIronic(options, Time, seed);
        Fake.EnrollNodes(nodes);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddIronicClient(o =>
        {
            o.Endpoint = Endpoint;
            o.MaxRetries = 0;
            o.RequestTimeout = TimeSpan.FromMinutes(10); o.ListTimeout = TimeSpan.FromHours(24);   // the longest allowed: the test clock moves in steps while requests are in flight
        }).UseFakeIronic(Fake);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IIronicClient>();
        Http = new HttpClient(Fake.CreateHandler()) { BaseAddress = Endpoint };
        Http.DefaultRequestHeaders.Add("X-OpenStack-Ironic-API-Version", "1.82");
    }

    public FakeTimeProvider Time { get; } = new();
    public FakeIronic Fake { get; }
    public IIronicClient Client { get; }

    /// <summary>A raw HTTP client at API 1.82, for what the typed client would hide.</summary>
    public HttpClient Http { get; }

    public void Dispose()
    {
        Http.Dispose();
        _provider.Dispose();
    }
}
