using System.Collections.Concurrent;
using System.Diagnostics;
using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;

namespace BareMetal.Driver.Tests.Diagnostics;

public sealed class DriverDiagnosticsTests
{
    [Fact]
    public async Task Each_operation_is_a_span_tagged_with_its_instance_outcome_and_the_ironic_calls_it_made()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == DriverDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var h = new DriverHarness(nodes: 2);
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]);

        h.Fake.ClearRequests();
        await h.Run(h.Driver.SpawnAsync(request));
        int spawnRequests = h.Fake.Requests.Count;
        await h.Run(h.Driver.DestroyAsync(new DestroyRequest { Instance = request.Instance }));
        h.Fake.SetMaintenance(h.Nodes[1], true, "fan");
        SpawnRequest refused = DriverHarness.Spawn(h.Nodes[1]);
        await Assert.ThrowsAsync<NodeUnavailableException>(() => h.Run(h.Driver.SpawnAsync(refused)));

        Activity[] mine = [.. spans.Where(s => (string?)s.GetTagItem("baremetal.instance_id") == request.Instance.ToString()).OrderBy(s => s.StartTimeUtc)];
        Activity spawn = mine.First(s => s.OperationName == "baremetal.driver.spawn" && s.Status != ActivityStatusCode.Error);
        Assert.Equal(h.Nodes[0].ToString(), spawn.GetTagItem("baremetal.node_id"));
        Assert.Equal((long)spawnRequests, spawn.GetTagItem("baremetal.ironic_calls"));
        Assert.Contains(mine, s => s.OperationName == "baremetal.driver.destroy" && (long)s.GetTagItem("baremetal.ironic_calls")! > 0);
        Activity failed = Assert.Single(spans, s => (string?)s.GetTagItem("baremetal.instance_id") == refused.Instance.ToString());
        Assert.Equal((ActivityStatusCode.Error, "NodeUnavailableException"), (failed.Status, failed.StatusDescription));
    }
}
