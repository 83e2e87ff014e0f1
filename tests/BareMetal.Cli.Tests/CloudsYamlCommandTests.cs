using System.Text.Json;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;

namespace BareMetal.Cli.Tests;

/// <summary>clouds.yaml and secure.yaml as the OpenStack client reads them, and which source wins.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CloudsYamlCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bm-clouds-").FullName;

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await BaremetalCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string yaml)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task A_cloud_named_by_os_cloud_gives_the_endpoint_and_secure_yaml_the_password()
    {
        FakeIronic fake = new(new FakeIronicOptions { Timings = FakeIronicTimings.Instant, BasicAuth = new FakeBasicAuth("admin", "s3cret-from-secure") });
        fake.EnrollNodes(2);
        await using FakeIronicServer server = await fake.StartServerAsync();
        string clouds = Write("clouds.yaml", $"""
            clouds:
              lab:
                auth_type: http_basic
                auth:
                  username: admin
                  password: wrong-in-clouds
                baremetal_endpoint_override: {server.Endpoint}
            """);
        string secure = Write("secure.yaml", "clouds:\n  lab:\n    auth:\n      password: s3cret-from-secure\n");
        using EnvironmentScope environment = new EnvironmentScope().Set("OS_CLIENT_CONFIG_FILE", clouds).Set("OS_CLIENT_SECURE_FILE", secure)
            .Set("IRONIC_URL", null);

        var listed = await Run("node", "list", "--os-cloud", "lab", "-f", "json");

        Assert.True(listed.Exit == 0, listed.Error);
        using JsonDocument nodes = JsonDocument.Parse(listed.Output);
        Assert.Equal(2, nodes.RootElement.GetArrayLength());
        Assert.DoesNotContain("s3cret", listed.Output + listed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_win_over_the_cloud_and_the_cloud_over_the_environment()
    {
        FakeIronic fake = new(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        fake.EnrollNodes(3);
        await using FakeIronicServer server = await fake.StartServerAsync();
        // "environment" wants http_basic with no credentials: a settings error before anything is sent.
        string clouds = Write("clouds.yaml", "clouds:\n  environment:\n    auth_type: http_basic\n    baremetal_endpoint_override: http://127.0.0.1:9\n"
            + $"  live:\n    auth_type: none\n    baremetal_endpoint_override: {server.Endpoint}\n");
        using EnvironmentScope environment = new EnvironmentScope().Set("OS_CLIENT_CONFIG_FILE", clouds).Set("OS_CLOUD", "environment")
            .Set("IRONIC_URL", "http://127.0.0.1:9");

        var flag = await Run("node", "list", "--ironic-url", server.Endpoint.ToString(), "--auth", "none", "-f", "value", "-c", "UUID");
        var cloud = await Run("node", "list", "--os-cloud", "live", "-f", "value", "-c", "UUID");
        var environmentCloud = await Run("node", "list", "-f", "value", "-c", "UUID");

        Assert.Equal(0, flag.Exit);
        Assert.Equal(3, flag.Output.Trim().Split('\n').Length);
        Assert.Equal(0, cloud.Exit);   // --os-cloud wins over OS_CLOUD, and its endpoint over IRONIC_URL
        Assert.Equal(2, environmentCloud.Exit);   // OS_CLOUD's cloud was read: its http_basic has no credentials
        Assert.Contains("invalid settings", environmentCloud.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cloud_that_is_not_there_or_malformed_is_exit_2_with_nothing_sent()
    {
        string clouds = Write("clouds.yaml", "clouds:\n  bad:\n    auth_type: none\n    baremetal_endpoint_override: ftp://nowhere\n");
        using EnvironmentScope environment = new EnvironmentScope().Set("OS_CLIENT_CONFIG_FILE", clouds);

        var missing = await Run("node", "list", "--os-cloud", "nope");
        var malformed = await Run("node", "list", "--os-cloud", "bad");

        Assert.Equal(2, missing.Exit);
        Assert.Contains("has no cloud of that name", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("baremetal_endpoint_override must be an http(s) URL", malformed.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
