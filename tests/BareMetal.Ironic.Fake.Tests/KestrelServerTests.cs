using System.Net;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Ironic.Fake.Tests;

/// <summary>The fake served by Kestrel on a loopback port answers a real HttpClient over TCP, faults included.</summary>
public sealed class KestrelServerTests
{
    [Fact]
    public async Task The_fake_on_a_loopback_port_serves_the_typed_client_over_real_http()
    {
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        IReadOnlyList<NodeId> nodes = fake.EnrollNodes(3);
        await using FakeIronicServer server = await fake.StartServerAsync();
        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.NotEqual(0, server.Endpoint.Port);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIronicClient(o => { o.Endpoint = server.Endpoint; o.MaxRetries = 0; });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IIronicClient client = provider.GetRequiredService<IIronicClient>();

        var listed = new List<NodeId>();
        await foreach (Node node in client.ListNodesAsync(new NodeQuery { Fields = ["uuid"], Limit = 2 })) { listed.Add(node.Uuid); }
        Assert.Equal(nodes, listed);

        await client.SetProvisionStateAsync(nodes[0], new ProvisionRequest(ProvisionTarget.Active));
        Assert.Equal(ProvisionState.Active, (await client.GetNodeAsync(nodes[0])).ProvisionState);
        Assert.Contains(fake.Requests, r => r.Route == FakeRoutes.SetProvisionState && r.Status == 202);
    }

    [Fact]
    public async Task Over_tcp_a_dropped_response_is_a_broken_connection_after_the_write_took_effect()
    {
        var fake = new FakeIronic();
        NodeId node = fake.EnrollNodes(1)[0];
        fake.Faults.Add(FakeFault.Once(FakeFaultKind.DropResponse, FakeRoutes.SetPowerState));
        await using FakeIronicServer server = await fake.StartServerAsync();
        using var http = new HttpClient { BaseAddress = server.Endpoint };
        http.DefaultRequestHeaders.Add("X-OpenStack-Ironic-API-Version", "1.82");

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            http.PutAsync($"/v1/nodes/{node}/states/power", new StringContent("""{"target":"power on"}""", System.Text.Encoding.UTF8, "application/json")));
        fake.SettleAll();
        Assert.Equal(PowerState.PowerOn, fake.GetNode(node).PowerState);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/v1/nodes/{node}")).StatusCode);
    }
}
