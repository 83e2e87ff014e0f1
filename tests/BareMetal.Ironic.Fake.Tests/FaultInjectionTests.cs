using System.Net;
using System.Text;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.Tests.Support;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake.Tests;

/// <summary>Each fault kind does what it says, hits only its route and node, and repeats exactly with the same seed.</summary>
public sealed class FaultInjectionTests
{
    private static readonly InstanceId Instance = InstanceId.Parse("9f000001-0000-4000-8000-000000000001");

    private static Task<HttpResponseMessage> Reserve(FakeHarness h, NodeId node) =>
        h.Http.PatchAsync($"/v1/nodes/{node}", new StringContent($$"""[{"op":"add","path":"/instance_uuid","value":"{{Instance}}"}]""", Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData(FakeFaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    [InlineData(FakeFaultKind.NodeLocked, HttpStatusCode.Conflict)]
    public async Task A_refusal_answers_with_Ironics_error_and_does_nothing(FakeFaultKind kind, HttpStatusCode status)
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(FakeFault.Once(kind, FakeRoutes.PatchNode));

        using HttpResponseMessage refused = await Reserve(h, node);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains("error_message", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(h.Fake.GetNode(node).InstanceUuid);
        Assert.Equal(kind, Assert.Single(h.Fake.Requests, r => r.Route == FakeRoutes.PatchNode).Fault);
    }

    [Fact]
    public async Task A_dropped_request_fails_to_connect_and_does_nothing()
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.DropRequest, FakeRoutes.PatchNode));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Reserve(h, node));
        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Null(h.Fake.GetNode(node).InstanceUuid);
    }

    [Fact]
    public async Task A_dropped_response_loses_the_answer_of_a_write_that_took_effect()
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.DropResponse, FakeRoutes.PatchNode));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Reserve(h, node));
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(Instance, h.Fake.GetNode(node).InstanceUuid);
        Assert.Equal(0, h.Fake.Requests.Single(r => r.Route == FakeRoutes.PatchNode).Status);
    }

    [Fact]
    public async Task A_malformed_body_keeps_the_status_and_the_effect_and_the_client_reports_it()
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.MalformedBody, FakeRoutes.PatchNode));

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/instance_uuid", Instance.ToString())]));
        Assert.True(error.MayHaveBeenApplied);
        Assert.Equal(Instance, h.Fake.GetNode(node).InstanceUuid);
    }

    [Fact]
    public async Task A_truncated_body_fails_while_reading_after_the_write_took_effect()
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.TruncatedBody, FakeRoutes.PatchNode));

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/nodes/{node}")
        {
            Content = new StringContent($$"""[{"op":"add","path":"/instance_uuid","value":"{{Instance}}"}]""", Encoding.UTF8, "application/json"),
        };
        using HttpResponseMessage response = await h.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cut = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync());
        Assert.IsType<IOException>(cut.InnerException);
        Assert.Equal(Instance, h.Fake.GetNode(node).InstanceUuid);

        h.Fake.Faults.Add(FakeFault.Once(FakeFaultKind.TruncatedBody, FakeRoutes.GetNode));
        await Assert.ThrowsAnyAsync<IronicTransportException>(() => h.Client.GetNodeAsync(node));
    }

    [Fact]
    public async Task Latency_delays_the_answer_on_the_fakes_clock()
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(new FakeFault(FakeFaultKind.Latency) { Route = FakeRoutes.GetNode, Latency = TimeSpan.FromSeconds(7), Times = 1 });

        Task<HttpResponseMessage> answer = h.Http.GetAsync($"/v1/nodes/{node}");
        await Task.Delay(50);
        Assert.False(answer.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(7));
        using HttpResponseMessage response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_rule_hits_only_its_route_and_its_node()
    {
        using var h = new FakeHarness(nodes: 2);
        NodeId target = h.Fake.GetNodes()[0].Uuid, other = h.Fake.GetNodes()[1].Uuid;
        h.Fake.Faults.Add(new FakeFault(FakeFaultKind.ServiceUnavailable) { Route = FakeRoutes.GetNode, Node = target });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await h.Http.GetAsync($"/v1/nodes/{target}")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await h.Http.GetAsync($"/v1/nodes/{h.Fake.GetNode(target).Name}")).StatusCode);  // by name too
        Assert.Equal(HttpStatusCode.OK, (await h.Http.GetAsync($"/v1/nodes/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.Http.GetAsync($"/v1/nodes/{target}/states")).StatusCode);
        Assert.Equal(2, h.Fake.Faults.Injected.Count);
        Assert.All(h.Fake.Faults.Injected, f => Assert.Equal((FakeRoutes.GetNode, target), (f.Route, f.Node!)));
    }

    [Fact]
    public async Task Times_bounds_how_often_a_rule_hits()
    {
        using var h = new FakeHarness(nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(new FakeFault(FakeFaultKind.NodeLocked) { Route = FakeRoutes.GetNode, Times = 2 });

        HttpStatusCode[] statuses = [.. await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => (await h.Http.GetAsync($"/v1/nodes/{node}")).StatusCode))];
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_and_another_seed_different_ones()
    {
        string[] first = await RunWithSeed(42), again = await RunWithSeed(42), other = await RunWithSeed(7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(f => f != "-"), 40, 80);   // about 30 % of 200
    }

    [Fact]
    public async Task Decisions_per_node_do_not_depend_on_how_requests_for_other_nodes_interleave()
    {
        async Task<string[]> Run(bool interleaved)
        {
            using var h = new FakeHarness(seed: 3, nodes: 2);
            NodeId a = h.Fake.GetNodes()[0].Uuid, b = h.Fake.GetNodes()[1].Uuid;
            h.Fake.Faults.Add(new FakeFault(FakeFaultKind.ServiceUnavailable) { Probability = 0.5 });
            NodeId[] order = interleaved ? [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? a : b)] : [.. Enumerable.Repeat(a, 20), .. Enumerable.Repeat(b, 20)];
            foreach (NodeId n in order) { (await h.Http.GetAsync($"/v1/nodes/{n}")).Dispose(); }
            return [.. h.Fake.Requests.Where(r => r.Node == a).Select(r => r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        Assert.Equal(await Run(interleaved: false), await Run(interleaved: true));
    }

    private static async Task<string[]> RunWithSeed(int seed)
    {
        using var h = new FakeHarness(seed: seed, nodes: 1);
        NodeId node = h.Fake.GetNodes()[0].Uuid;
        h.Fake.Faults.Add(new FakeFault(FakeFaultKind.ServiceUnavailable) { Route = FakeRoutes.GetNode, Probability = 0.3 });
        for (int i = 0; i < 200; i++) { (await h.Http.GetAsync($"/v1/nodes/{node}")).Dispose(); }
        return [.. h.Fake.Requests.Select(r => r.Fault?.ToString() ?? "-")];
    }
}
