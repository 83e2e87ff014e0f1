using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using BareMetal.Ironic.Diagnostics;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Diagnostics;

/// <summary>The Meter is process-wide: these tests run alone so no other test's calls are counted.</summary>
[CollectionDefinition(nameof(IronicClientDiagnosticsTests), DisableParallelization = true)]
public sealed class MetricsRunAlone;

[Collection(nameof(IronicClientDiagnosticsTests))]
public class IronicClientDiagnosticsTests
{
    [Fact]
    public async Task Every_attempt_and_retry_is_measured_by_route_template_without_ids()
    {
        NodeId node = NodeId.FromGuid(Guid.NewGuid());
        var measurements = new ConcurrentBag<(string Instrument, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == IronicClientDiagnostics.Name) { l.EnableMeasurementEvents(instrument); } },
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => measurements.Add((i.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        listener.Start();
        using var test = new TestClient();
        test.Handler.ThenError(HttpStatusCode.ServiceUnavailable, "busy").Then(HttpStatusCode.OK, $$"""{"uuid":"{{node}}"}""");

        await test.Run(test.Client.GetNodeAsync(node));

        var mine = measurements.Where(m => m.Tags.GetValueOrDefault("route") == "/v1/nodes/{node_id}").ToList();
        Assert.Equal(["200", "503"], mine.Where(m => m.Instrument == "baremetal.ironic.requests").Select(m => m.Tags["status"]).Order());
        Assert.Single(mine, m => m.Instrument == "baremetal.ironic.retries" && m.Tags["reason"] == "IronicUnavailableException");
        Assert.DoesNotContain(mine, m => m.Tags.Values.Any(v => v?.Contains(node.ToString(), StringComparison.Ordinal) == true));
    }
}
