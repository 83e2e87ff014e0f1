using System.Text;
using System.Text.Json;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Fake.Lies;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Tests;

/// <summary>The command against a lying fake Ironic over TCP, and with settings a user got wrong.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class HostileServerCommandTests
{
    private static readonly string[] WriteMethods = ["PUT", "PATCH", "POST", "DELETE"];

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await BaremetalCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static FakeIronic Fake() => new(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });

    /// <summary>Spawns on a fake that tells <paramref name="lie"/>; the command must fail with exactly one line on stderr.</summary>
    private static async Task<string> SpawnFailureLineAsync(FakeLies lie)
    {
        FakeIronic fake = Fake();
        NodeId node = fake.EnrollNodes(1)[0];
        fake.Lies = lie;
        await using FakeIronicServer server = await fake.StartServerAsync();

        var spawn = await Run("spawn", "--ironic-url", server.Endpoint.ToString(), "--node", node.ToString(),
            "--instance", Guid.NewGuid().ToString());

        Assert.Equal(1, spawn.Exit);
        return Assert.Single(spawn.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_listing_that_ignores_the_instance_filter_makes_destroy_power_and_console_touch_nothing()
    {
        FakeIronic fake = Fake();
        NodeId held = fake.AddNode(new FakeNodeSpec
        {
            ProvisionState = Ironic.Models.ProvisionState.Active, PowerState = Ironic.Models.PowerState.PowerOn,
            InstanceUuid = InstanceId.FromGuid(Guid.NewGuid()),
        });
        fake.Lies = FakeLies.IgnoreInstanceFilter;
        await using FakeIronicServer server = await fake.StartServerAsync();
        string url = server.Endpoint.ToString();
        string stranger = Guid.NewGuid().ToString();

        Assert.Equal(0, (await Run("destroy", "--ironic-url", url, "--instance", stranger)).Exit);
        var power = await Run("power", "off", "--ironic-url", url, "--instance", stranger);
        var console = await Run("console", "--ironic-url", url, "--instance", stranger);

        Assert.Equal(1, power.Exit);
        Assert.StartsWith("baremetal: InstanceNotFoundException:", power.Error, StringComparison.Ordinal);
        Assert.Equal(1, console.Exit);
        Assert.DoesNotContain(fake.Requests, r => WriteMethods.Contains(r.Method));
        Assert.Equal(Ironic.Models.ProvisionState.Active, fake.GetNode(held).ProvisionState);
    }

    [Fact]
    public async Task Control_characters_from_the_server_are_escaped_on_one_error_line()
    {
        string line = await SpawnFailureLineAsync(FakeLies.ControlCharacters);

        Assert.StartsWith("baremetal: SpawnFailedException:", line, StringComparison.Ordinal);
        Assert.Contains("\\nbaremetal: forged second line\\r\\n\\u001b]0;owned\\u0007", line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, c => char.IsControl(c));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("value")]
    [InlineData("json")]
    public async Task Server_text_in_a_result_is_redacted_and_escaped_in_every_format(string format)
    {
        FakeIronic fake = Fake();
        NodeId node = fake.EnrollNodes(1)[0];
        await using FakeIronicServer server = await fake.StartServerAsync();
        string url = server.Endpoint.ToString();
        const string Reason = "BMC https://admin:bmc-pa55@10.0.0.9/redfish down\u001b]0;owned\u0007\nbaremetal: forged";
        // Another client wrote it (this command refuses control characters in a reason it sends).
        using (var other = new HttpClient())
        {
            using var body = new StringContent(JsonSerializer.Serialize(new { reason = Reason }), Encoding.UTF8, "application/json");
            using HttpResponseMessage set = await other.PutAsync(new Uri(server.Endpoint, $"v1/nodes/{node}/maintenance"), body);
            Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        }

        var show = await Run("node", "show", node.ToString(), "-f", format, "--ironic-url", url);

        Assert.Equal(0, show.Exit);
        Assert.Contains("10.0.0.9", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("bmc-pa55", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', show.Output);
        Assert.DoesNotContain('\u0007', show.Output);
        Assert.DoesNotContain(show.Output.Split('\n'), line => line.StartsWith("baremetal:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FakeLies.NullLists)]
    [InlineData(FakeLies.NullEntries)]
    [InlineData(FakeLies.EndlessPages)]
    public async Task Malformed_and_endless_listings_exit_1_with_a_format_error(FakeLies lie)
    {
        FakeIronic fake = Fake();
        fake.EnrollNodes(2);
        fake.Lies = lie;
        await using FakeIronicServer server = await fake.StartServerAsync();

        var nodes = await Run("node", "list", "--ironic-url", server.Endpoint.ToString());

        Assert.Equal(1, nodes.Exit);
        Assert.StartsWith("baremetal: IronicResponseFormatException:", nodes.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_a_user_got_wrong_exit_2_and_real_credentials_never_run_on_the_embedded_fake()
    {
        using EnvironmentScope environment = new EnvironmentScope()
            .Set("OS_USERNAME", "demo").Set("OS_PASSWORD", "os-pa55word").Set("OS_PROJECT_NAME", "demo").Set("OS_AUTH_URL", "not a url");
        var malformed = await Run("node", "list", "--auth", "keystone", "--ironic-url", "http://127.0.0.1:9");
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("OS_AUTH_URL must be an absolute URL", malformed.Error, StringComparison.Ordinal);

        var basic = await Run("node", "list", "--auth", "http_basic");
        Assert.Equal(2, basic.Exit);
        Assert.Contains("needs --ironic-url", basic.Error, StringComparison.Ordinal);

        // Keystone without an Ironic URL takes the catalog's endpoint: here "Keystone" is a server that refuses the login.
        await using FakeIronicServer notKeystone = await Fake().StartServerAsync();
        environment.Set("OS_AUTH_URL", new Uri(notKeystone.Endpoint, "/v3").ToString());
        var keystone = await Run("node", "list", "--auth", "keystone");
        Assert.Equal(1, keystone.Exit);
        Assert.DoesNotContain("embedded fake", keystone.Error, StringComparison.Ordinal);
        Assert.StartsWith("baremetal: KeystoneAuthenticationException: Keystone refused the login with 404", keystone.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("os-pa55word", malformed.Error + basic.Error + keystone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupted_while_ironic_hangs_the_spawn_exits_1_and_leaves_the_node_as_found()
    {
        FakeIronic fake = Fake();
        NodeId node = fake.EnrollNodes(1, (_, spec) => spec with { Ports = 2 })[0];
        fake.Faults.Add(new(Ironic.Fake.Faults.FakeFaultKind.Latency) { Route = FakeRoutes.SetProvisionState, Latency = TimeSpan.FromHours(1) });
        await using FakeIronicServer server = await fake.StartServerAsync();
        using var interrupt = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();

        Task<int> spawn = BaremetalCommand.RunAsync(["spawn", "--ironic-url", server.Endpoint.ToString(), "--node", node.ToString(),
            "--instance", Guid.NewGuid().ToString(), "--vif", Guid.NewGuid().ToString()], output, error, interrupt.Token);
        // SIGTERM arrives while the deploy request hangs (Program.cs turns it into this token's cancellation): the fake logs
        // a request when it answers, so the last answered one before the deploy is the signal.
        while (!fake.Requests.Any(r => r.Route == FakeRoutes.ListPortgroupsDetail) && !spawn.IsCompleted) { await Task.Delay(5); }
        await interrupt.CancelAsync();
        int exit = await spawn;

        Assert.Equal(1, exit);
        Assert.Equal("baremetal: interrupted", error.ToString().Trim());
        Assert.Null(fake.GetNode(node).InstanceUuid);
        Assert.Empty(fake.GetNode(node).Vifs);
    }

    [Fact]
    public async Task A_four_megabyte_error_message_gives_one_short_line()
    {
        string line = await SpawnFailureLineAsync(FakeLies.HugeErrorMessage);

        Assert.InRange(line.Length, 1, 4200);
    }

    [Fact]
    public async Task Credentials_and_the_drive_the_server_echoes_back_never_reach_stderr()
    {
        FakeIronic fake = new(new FakeIronicOptions { Timings = FakeIronicTimings.Instant, BasicAuth = new FakeBasicAuth("ironic", "cli-pa55word") });
        NodeId node = fake.EnrollNodes(1)[0];
        fake.Lies = FakeLies.EchoSecrets;
        await using FakeIronicServer server = await fake.StartServerAsync();
        string userData = Path.GetTempFileName();
        await File.WriteAllTextAsync(userData, "#cloud-config\npassword: user-data-secret\n");
        using EnvironmentScope environment = new EnvironmentScope().Set("IRONIC_USERNAME", "ironic").Set("IRONIC_PASSWORD", "cli-pa55word");
        try
        {
            var spawn = await Run("spawn", "--ironic-url", server.Endpoint.ToString(), "--auth", "http_basic", "--node", node.ToString(),
                "--instance", Guid.NewGuid().ToString(), "--user-data", userData, "--configdrive", "json");

            Assert.Equal(1, spawn.Exit);
            Assert.Contains("Invalid request: body", spawn.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-pa55word", spawn.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("user-data-secret", spawn.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String("ironic:cli-pa55word"u8.ToArray()), spawn.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(userData);
        }
    }
}
