using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using System.Net;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Lies;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Ironic.Tests.Hostile;

/// <summary>
/// The client against servers that answer wrongly: every shape, size, count and time is bounded with a specific
/// error, and a whole malformed answer is not asked for again.
/// </summary>
public sealed class HostileServerTests
{
    private static readonly NodeId Node = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");

    [Theory]
    [InlineData("{\"nodes\": null}")]
    [InlineData("{\"nodes\": [null]}")]
    [InlineData("{}")]
    [InlineData("{\"nodes\": [{\"uuid\": null}]}")]
    [InlineData("{\"nodes\": [{\"uuid\": \"1a1a1a1a-0000-4000-8000-00000000000a\", \"traits\": [null]}]}")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task A_node_listing_of_the_wrong_shape_is_a_format_error_asked_once(string body)
    {
        using var test = new TestClient();
        test.Handler.Then(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => test.Run(test.Client.ListNodesAsync(new NodeQuery()).ToListAsync().AsTask()));

        Assert.False(error.Truncated);
        Assert.Single(test.Handler.NonDiscovery);
    }

    /// <summary>Every listing and lookup of the client other than nodes, by the name of the list it reads.</summary>
    private static Task Call(IIronicClient client, string what) => what switch
    {
        "ports" => client.ListPortsAsync(Node).ToListAsync().AsTask(),
        "portgroups" => client.ListPortgroupsAsync(Node).ToListAsync().AsTask(),
        "vifs" => client.ListVifsAsync(Node),
        "traits" => client.GetTraitsAsync(Node),
        "targets" => client.ListVolumeTargetsAsync(Node).ToListAsync().AsTask(),
        "connectors" => client.ListVolumeConnectorsAsync(Node).ToListAsync().AsTask(),
        "deploy_templates" => client.ListDeployTemplatesAsync().ToListAsync().AsTask(),
        "allocations" => client.ListAllocationsAsync().ToListAsync().AsTask(),
        "supported_boot_devices" => client.GetSupportedBootDevicesAsync(Node),
        "node" => client.GetNodeAsync(Node),
        "states" => client.GetNodeStatesAsync(Node),
        "console" => client.GetConsoleAsync(Node),
        "boot_device" => client.GetBootDeviceAsync(Node),
        "allocation" => client.GetAllocationAsync(AllocationId.Parse("2b2b2b2b-0000-4000-8000-00000000000b")),
        "deploy_template" => client.GetDeployTemplateAsync("CUSTOM_RAID"),
        _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
    };

    public static TheoryData<string, string> WrongShapes()
    {
        var data = new TheoryData<string, string>();
        foreach (string list in (string[])["ports", "portgroups", "vifs", "traits", "targets", "connectors", "deploy_templates",
            "allocations", "supported_boot_devices"])
        {
            data.Add(list, $"{{\"{list}\": null}}");
            data.Add(list, $"{{\"{list}\": [null]}}");
            data.Add(list, "{}");
        }
        foreach (string single in (string[])["node", "states", "console", "boot_device", "allocation", "deploy_template"])
        {
            data.Add(single, "null");
            data.Add(single, "[]");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Any_other_answer_of_the_wrong_shape_is_a_format_error_asked_once(string call, string body)
    {
        using var test = new TestClient();
        test.Handler.Then(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => test.Run(Call(test.Client, call)));

        Assert.False(error.Truncated);
        Assert.Single(test.Handler.NonDiscovery);
    }

    [Fact]
    public async Task A_page_larger_than_asked_for_is_refused()
    {
        using var test = new TestClient(o => o.PageSize = 1);
        test.Handler.Then(HttpStatusCode.OK, """
            {"nodes": [{"uuid": "1a1a1a1a-0000-4000-8000-00000000000a"}, {"uuid": "1a1a1a1a-0000-4000-8000-00000000000b"}]}
            """);
        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => test.Run(test.Client.ListNodesAsync(new NodeQuery()).ToListAsync().AsTask()));
        Assert.Contains("2 items for a page of 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_that_never_ends_stops_at_the_item_bound_after_a_bounded_number_of_pages()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(timeProvider: time) { Lies = FakeLies.EndlessPages };
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddIronicClient(o => { o.Endpoint = new("http://ironic.test"); o.PageSize = 100; o.MaxListItems = 1_000;
            o.RequestTimeout = TimeSpan.FromMinutes(10); })   // the test clock moves in steps while pages are in flight
            .UseFakeIronic(fake);
        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IIronicClient>();

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => time.RunUntilCompletedAsync(client.ListNodesAsync(new NodeQuery()).ToListAsync().AsTask()));

        Assert.Contains("passed 1000 items without an end", error.Message, StringComparison.Ordinal);
        Assert.Equal(11, fake.Requests.Count(r => r.Route == FakeRoutes.ListNodes));
    }

    [Fact]
    public async Task Paging_that_never_ends_stops_at_the_listing_deadline()
    {
        var time = new FakeTimeProvider();
        var fake = new FakeIronic(timeProvider: time) { Lies = FakeLies.EndlessPages };
        fake.Faults.Add(new(Fake.Faults.FakeFaultKind.Latency) { Route = FakeRoutes.ListNodes, Latency = TimeSpan.FromSeconds(25) });
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddIronicClient(o => { o.Endpoint = new("http://ironic.test"); o.PageSize = 10; o.ListTimeout = TimeSpan.FromMinutes(2);
            o.RequestTimeout = TimeSpan.FromMinutes(10); })   // only the listing's deadline may end it
            .UseFakeIronic(fake);
        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IIronicClient>();

        var error = await Assert.ThrowsAsync<IronicTimeoutException>(() => time.RunUntilCompletedAsync(client.ListNodesAsync(new NodeQuery()).ToListAsync().AsTask()));

        Assert.Contains("took longer than 120 s", error.Message, StringComparison.Ordinal);
        // Pages of 25 s each fit in 120 s only a few times.
        Assert.InRange(fake.Requests.Count(r => r.Route == FakeRoutes.ListNodes), 1, 6);
    }

    [Fact]
    public async Task A_body_larger_than_the_cap_is_refused_without_reading_it_all()
    {
        using var test = new TestClient(o => o.MaxResponseBytes = 64 * 1024);
        var endless = new EndlessStream();
        test.Handler.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(endless) });

        var error = await Assert.ThrowsAsync<IronicResponseFormatException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Contains("larger than 65536 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(endless.Served, 64 * 1024, 64 * 1024 + 81920);
    }

    [Fact]
    public async Task An_endless_keystone_body_over_a_real_socket_is_refused_at_its_cap()
    {
        await using var keystone = new HostileLoopbackServer(HostileBehaviour.EndlessBody);
        using var test = KeystoneClient(keystone.Url);

        // No clock movement: the cap, not a deadline, must end it while real bytes arrive.
        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(() => test.Client.GetNodeAsync(Node));

        Assert.Contains("answered with more than 16777216 bytes", error.Message, StringComparison.Ordinal);
        Assert.InRange(keystone.BytesSent, 16L * 1024 * 1024, 64L * 1024 * 1024);
        Assert.Empty(test.Handler.Requests);
    }

    [Fact]
    public async Task A_silent_keystone_is_a_keystone_error_at_the_request_deadline_not_a_task_cancellation()
    {
        await using var keystone = new HostileLoopbackServer(HostileBehaviour.Silent);
        using var test = KeystoneClient(keystone.Url, o => { o.RequestTimeout = TimeSpan.FromSeconds(20); o.MaxRetries = 1; });

        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(
            () => test.Time.RunUntilCompletedAsync(test.Client.GetNodeAsync(Node)));

        Assert.Contains("did not answer within 20 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Handler.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://ironic.test/v1")]
    [InlineData("http://user:secret@ironic.test/")]
    public async Task A_catalog_endpoint_that_is_not_plain_http_is_a_keystone_error(string url)
    {
        var keystone = new ScriptedHandler().Then(_ =>
        {
            HttpResponseMessage response = ScriptedHandler.Json(HttpStatusCode.Created, $$$"""
                {"token": {"issued_at": "2026-01-01T00:00:00Z", "expires_at": "2026-01-01T01:00:00Z",
                 "catalog": [{"type": "baremetal", "endpoints": [{"interface": "public", "url": "{{{url}}}"}]}]}}
                """);
            response.Headers.TryAddWithoutValidation("X-Subject-Token", "tok");
            return response;
        });
        using var test = KeystoneClient(new Uri("http://keystone.test/v3"), keystoneHandler: keystone);

        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Contains("no usable 'baremetal' endpoint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keystone_refusal_that_echoes_the_password_does_not_show_it()
    {
        var keystone = new ScriptedHandler().ThenError(HttpStatusCode.Unauthorized, "The request you have made requires authentication: demo-password");
        using var test = KeystoneClient(new Uri("http://keystone.test/v3"), keystoneHandler: keystone);

        var error = await Assert.ThrowsAsync<KeystoneAuthenticationException>(() => test.Run(test.Client.GetNodeAsync(Node)));

        Assert.Contains("requires authentication: ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-password", error.ToString() + test.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redaction_cuts_before_it_matches_and_masks_known_secrets_in_every_escaped_form()
    {
        string words = string.Concat(Enumerable.Repeat("word ", 1024 * 1024));
        Assert.Equal(SensitiveData.Truncate(words, 100), SensitiveData.RedactText(words, 100));
        Assert.Equal("***…(truncated)", SensitiveData.RedactText(new string('a', 4 * 1024 * 1024), 100));

        const string secret = "line one\n\"quoted\"";
        string twice = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Serialize(secret));
        string echoed = $"plain {secret} once {System.Text.Json.JsonSerializer.Serialize(secret)} twice {twice}";
        string redacted = SensitiveData.RedactKnownSecrets(echoed, [secret]);
        Assert.DoesNotContain("quoted", redacted, StringComparison.Ordinal);
        Assert.Equal(3, redacted.Split("***").Length - 1);
    }

    private static TestClient KeystoneClient(Uri authUrl, Action<IronicClientOptions>? configure = null, ScriptedHandler? keystoneHandler = null) =>
        new(o =>
        {
            o.Endpoint = null;
            o.Auth.Type = IronicAuthType.Keystone;
            o.Auth.Keystone.AuthUrl = authUrl;
            o.Auth.Keystone.Username = "demo";
            o.Auth.Keystone.Password = "demo-password";
            o.Auth.Keystone.ProjectName = "demo";
            o.MaxRetries = 0;
            configure?.Invoke(o);
        }, keystone: keystoneHandler);

    /// <summary>A body that never ends, counting what was read of it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Served += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
