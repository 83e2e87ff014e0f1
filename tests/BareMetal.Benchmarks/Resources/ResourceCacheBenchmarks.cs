using System.Collections.Concurrent;
using System.Net;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Fake;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Benchmarks.Resources;

/// <summary>
/// One cache refresh of N nodes: listing (1000 per page, driver fields), parsing, partitioning, inventory, snapshot.
/// "FromFake" serves from the in-process fake (its own rendering included); "OwnCpu" replays the fake's recorded
/// pages from memory, so only our client and cache are measured. Divide by N for the per-node figures.
/// </summary>
[MemoryDiagnoser]
public class ResourceCacheBenchmarks
{
    private ServiceProvider _fromFake = null!;
    private ServiceProvider _replay = null!;
    private INodeResourceCache _fakeCache = null!;
    private INodeResourceCache _replayCache = null!;
    private NodeSnapshot _snapshot = null!;

    [Params(1_000, 10_000, 50_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var fake = new FakeIronic();
        fake.EnrollNodes(Nodes, (i, spec) => spec with { ResourceClass = i % 3 == 0 ? "gold" : "silver", Traits = i % 5 == 0 ? ["CUSTOM_RAID"] : [] });
        var recorder = new RecordingHandler(fake.CreateHandler());
        _fromFake = Build(recorder);
        _fakeCache = _fromFake.GetRequiredService<INodeResourceCache>();
        _snapshot = await _fakeCache.RefreshAsync();
        _replay = Build(new ReplayHandler(recorder.Recorded));
        _replayCache = _replay.GetRequiredService<INodeResourceCache>();
        await _replayCache.RefreshAsync();
    }

    private static ServiceProvider Build(HttpMessageHandler handler)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIronicClient(o => o.Endpoint = new Uri("http://127.0.0.1:6385")).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddBareMetalDriver(o => o.ComputeHost = "bench", configureCache: o => { o.Host = "compute-a"; o.Peers.Add("compute-b"); o.Peers.Add("compute-c"); });
        return services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _fromFake.DisposeAsync();
        await _replay.DisposeAsync();
    }

    [Benchmark(Description = "refresh from the in-process fake")]
    public Task<NodeSnapshot> RefreshFromFake() => _fakeCache.RefreshAsync();

    [Benchmark(Description = "refresh, our own CPU (recorded pages)")]
    public Task<NodeSnapshot> RefreshOwnCpu() => _replayCache.RefreshAsync();

    [Benchmark(Description = "query: gold, RAID, available")]
    public int Query() => _snapshot.Query(resourceClass: "gold", traits: ["CUSTOM_RAID"], available: true).Count();

    /// <summary>Remembers every answer body by path and query.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentDictionary<string, (HttpStatusCode Status, byte[] Body, string? MinVersion, string? MaxVersion)> Recorded { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            Recorded[request.RequestUri!.PathAndQuery] = (response.StatusCode, body,
                response.Headers.TryGetValues("X-OpenStack-Ironic-API-Minimum-Version", out var min) ? min.First() : null,
                response.Headers.TryGetValues("X-OpenStack-Ironic-API-Maximum-Version", out var max) ? max.First() : null);
            response.Content = new ByteArrayContent(body);
            return response;
        }
    }

    /// <summary>Answers from the recording, costing nothing but a dictionary lookup.</summary>
    private sealed class ReplayHandler(ConcurrentDictionary<string, (HttpStatusCode Status, byte[] Body, string? MinVersion, string? MaxVersion)> recorded) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (HttpStatusCode status, byte[] body, string? min, string? max) = recorded[request.RequestUri!.PathAndQuery];
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body), RequestMessage = request };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            if (min is not null) { response.Headers.TryAddWithoutValidation("X-OpenStack-Ironic-API-Minimum-Version", min); }
            if (max is not null) { response.Headers.TryAddWithoutValidation("X-OpenStack-Ironic-API-Maximum-Version", max); }
            return Task.FromResult(response);
        }
    }
}
