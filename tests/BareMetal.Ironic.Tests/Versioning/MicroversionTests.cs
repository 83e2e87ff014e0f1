using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using System.Net;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Tests.Versioning;

public class MicroversionTests
{
    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");
    private const string NodeJson = """{"uuid":"1a1a1a1a-0000-4000-8000-00000000000a"}""";

    [Fact]
    public async Task Discovers_once_and_sends_the_negotiated_version_on_every_call()
    {
        using var test = new TestClient(o => o.MaximumApiVersion = "1.78");
        test.Handler.Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.Accepted);

        await test.Run(test.Client.GetNodeAsync(Node));
        await test.Run(test.Client.GetNodeAsync(Node));
        await test.Run(test.Client.SetPowerStateAsync(Node, PowerTarget.Rebooting));

        Assert.Single(test.Handler.Requests, r => r.Path == "/");
        Assert.All(test.Handler.NonDiscovery, r => Assert.Equal("1.78", r.Headers["X-OpenStack-Ironic-API-Version"]));
        Assert.Equal(new ApiVersion(1, 78), (await test.Client.GetApiVersionsAsync()).Negotiated);
    }

    [Fact]
    public async Task A_feature_the_server_lacks_fails_before_any_request_is_sent()
    {
        using var test = new TestClient(o => o.MinimumApiVersion = "1.1");
        test.Handler.ServerMaximum = "1.46";

        var error = await Assert.ThrowsAsync<UnsupportedMicroversionException>(() =>
            test.Run(test.Client.SetProvisionStateAsync(Node, new ProvisionRequest(ProvisionTarget.Active)
            { ConfigDrive = ConfigDrive.FromContents(System.Text.Json.JsonDocument.Parse("{}").RootElement) })));
        await Assert.ThrowsAsync<UnsupportedMicroversionException>(() => test.Run(test.Client.ListNodesAsync(new NodeQuery { Shards = ["a"] }).ToListAsync().AsTask()));

        Assert.Equal(new ApiVersion(1, 56), error.Required);
        Assert.Equal(new ApiVersion(1, 46), error.Available);
        Assert.Empty(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task A_server_below_the_client_minimum_is_refused()
    {
        using var test = new TestClient();
        test.Handler.ServerMaximum = "1.31";

        var error = await Assert.ThrowsAsync<UnsupportedMicroversionException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Contains("1.31", error.Message);
        Assert.Empty(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task An_unexpected_406_rediscovers_once_then_succeeds_at_the_new_version()
    {
        using var test = new TestClient();
        test.Handler.ThenSample("094-err-mv-too-new.json")
            .Then(HttpStatusCode.OK, NodeJson);

        await test.Run(test.Client.GetNodeAsync(Node));

        Assert.Equal(2, test.Handler.Requests.Count(r => r.Path == "/"));
        Assert.Contains(test.Logs.GetSnapshot(), e => e.Id.Id == 1006);
    }

    [Fact]
    public async Task Unknown_fields_are_refused_locally_because_ironic_answers_500()
    {
        using var test = new TestClient();
        await Assert.ThrowsAsync<ArgumentException>(() => test.Run(test.Client.GetNodeAsync(Node, ["uuid", "bogus"])));
        Assert.Empty(test.Handler.NonDiscovery);
    }
}
