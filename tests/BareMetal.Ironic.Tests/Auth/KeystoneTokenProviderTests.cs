using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using System.Net;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Auth;

/// <summary>Keystone login, token caching and the 401 replay, on a scripted Keystone and a manual clock.</summary>
public class KeystoneTokenProviderTests
{
    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");
    private const string NodeJson = """{"uuid":"1a1a1a1a-0000-4000-8000-00000000000a"}""";

    private static HttpResponseMessage Token(string value, string issued, string expires)
    {
        HttpResponseMessage response = ScriptedHandler.Json(HttpStatusCode.Created, $$$"""
            {"token":{"methods":["password"],"issued_at":"{{{issued}}}","expires_at":"{{{expires}}}","catalog":[
              {"type":"identity","endpoints":[{"interface":"public","region_id":"RegionOne","url":"http://keystone.test:5000/v3/"}]},
              {"type":"baremetal","endpoints":[{"interface":"internal","region_id":"RegionOne","url":"http://internal.test:6385"},
                                               {"interface":"public","region_id":"RegionOne","url":"http://ironic.test:6385/v1/"}]}]}}
            """);
        response.Headers.TryAddWithoutValidation("X-Subject-Token", value);
        return response;
    }

    private static TestClient Create(ScriptedHandler keystone) => new(o =>
    {
        o.Endpoint = null;
        o.Auth.Type = IronicAuthType.Keystone;
        o.Auth.Keystone.AuthUrl = new Uri("http://keystone.test:5000/v3");
        o.Auth.Keystone.Username = "demo";
        o.Auth.Keystone.Password = "demo-password";
        o.Auth.Keystone.ProjectName = "demo";
        o.Auth.Keystone.Region = "RegionOne";
    }, keystone: keystone);

    [Theory]
    [InlineData("2026-11-21T11:48:44.000000Z")]
    [InlineData("2026-11-21T11:48:44")]
    [InlineData("2026-11-21T11:48:44.000000")]
    public void Both_keystone_time_formats_are_utc(string text) =>
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 11, 48, 44, TimeSpan.Zero), KeystoneTokenProvider.ParseKeystoneTime(text));

    [Fact]
    public async Task Logs_in_once_takes_the_public_catalog_endpoint_and_sends_the_token()
    {
        var keystone = new ScriptedHandler().Then(_ => Token("tok-1", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"));
        using var test = Create(keystone);
        test.Handler.Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.OK, NodeJson);

        await test.Run(test.Client.GetNodeAsync(Node));
        await test.Run(test.Client.GetNodeAsync(Node));

        RecordedRequest login = Assert.Single(keystone.Requests);
        Assert.Equal("/v3/auth/tokens", login.Path);
        Assert.Contains("\"password\":\"demo-password\"", login.Body);
        Assert.Contains("\"project\":{\"name\":\"demo\"", login.Body);
        Assert.All(test.Handler.NonDiscovery, r => Assert.Equal("tok-1", r.Headers["X-Auth-Token"]));
        Assert.All(test.Handler.Requests, r => Assert.Equal("ironic.test", r.Host));
        Assert.DoesNotContain("tok-1", test.Logs.AllText());
        Assert.DoesNotContain("demo-password", test.Logs.AllText());
    }

    [Fact]
    public async Task Refreshes_before_expiry_but_not_earlier_than_a_quarter_of_the_lifetime()
    {
        var keystone = new ScriptedHandler()
            .Then(_ => Token("tok-1", "2026-01-01T00:00:00Z", "2026-01-01T00:00:40Z"))
            .Then(_ => Token("tok-2", "2026-01-01T00:00:35Z", "2026-01-01T00:01:15Z"));
        using var test = Create(keystone);
        test.Handler.Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.OK, NodeJson);

        await test.Run(test.Client.GetNodeAsync(Node));
        test.Time.Advance(TimeSpan.FromSeconds(25));   // 15 s left of 40: still fresh (margin 10 s)
        await test.Run(test.Client.GetNodeAsync(Node));
        test.Time.Advance(TimeSpan.FromSeconds(10));   // 5 s left: refresh first
        await test.Run(test.Client.GetNodeAsync(Node));

        Assert.Equal(2, keystone.Requests.Count);
        Assert.Equal(["tok-1", "tok-1", "tok-2"], test.Handler.NonDiscovery.Select(r => r.Headers["X-Auth-Token"]));
    }

    [Fact]
    public async Task A_401_gets_one_fresh_login_and_one_replay_then_surfaces()
    {
        var keystone = new ScriptedHandler()
            .Then(_ => Token("tok-1", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"))
            .Then(_ => Token("tok-2", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"))
            .Then(_ => Token("tok-3", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"))
            .Then(_ => Token("tok-4", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"));
        using var test = Create(keystone);
        const string unauthorized = """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""";
        test.Handler.Then(HttpStatusCode.Unauthorized, unauthorized).Then(HttpStatusCode.OK, NodeJson)
            .Then(HttpStatusCode.Unauthorized, unauthorized).Then(HttpStatusCode.Unauthorized, unauthorized);

        await test.Run(test.Client.GetNodeAsync(Node));
        await Assert.ThrowsAsync<IronicAuthenticationException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Equal(["tok-1", "tok-2", "tok-2", "tok-3"], test.Handler.NonDiscovery.Select(r => r.Headers["X-Auth-Token"]));
        Assert.Contains(test.Logs.GetSnapshot(), e => e.Id.Id == 1101);
    }

    [Fact]
    public async Task A_token_born_expired_is_a_keystone_error_and_nothing_is_sent_to_ironic()
    {
        var keystone = new ScriptedHandler().Then(_ => Token("tok-1", "2026-01-01T01:00:00Z", "2026-01-01T00:00:00Z"));
        using var test = Create(keystone);

        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Contains("before it was issued", error.Message, StringComparison.Ordinal);
        Assert.Single(keystone.Requests);
        Assert.Empty(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task Keystones_lifetime_counts_on_this_clock_and_is_trusted_for_at_most_a_day()
    {
        // A year ahead of this machine's clock, and a token said to last ten years.
        var keystone = new ScriptedHandler()
            .Then(_ => Token("tok-1", "2027-01-01T00:00:00Z", "2037-01-01T00:00:00Z"))
            .Then(_ => Token("tok-2", "2027-01-02T00:00:00Z", "2027-01-02T01:00:00Z"));
        using var test = Create(keystone);
        test.Handler.Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.OK, NodeJson).Then(HttpStatusCode.OK, NodeJson);

        await test.Run(test.Client.GetNodeAsync(Node));
        test.Time.Advance(TimeSpan.FromHours(20));     // within a day: the same token
        await test.Run(test.Client.GetNodeAsync(Node));
        test.Time.Advance(TimeSpan.FromHours(4));      // a day has passed: log in again
        await test.Run(test.Client.GetNodeAsync(Node));

        Assert.Equal(2, keystone.Requests.Count);
        Assert.Equal(["tok-1", "tok-1", "tok-2"], test.Handler.NonDiscovery.Select(r => r.Headers["X-Auth-Token"]));
    }

    [Fact]
    public async Task Refused_credentials_are_a_specific_non_transient_error()
    {
        var keystone = new ScriptedHandler().Then(HttpStatusCode.Unauthorized,
            """{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}""");
        using var test = Create(keystone);

        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Single(keystone.Requests);
    }
}
