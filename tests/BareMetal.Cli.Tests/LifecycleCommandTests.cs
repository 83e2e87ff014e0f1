using System.Text.Json;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Tests;

/// <summary>spawn, console, power and destroy, each run as the command against the fake served over TCP.</summary>
public sealed class LifecycleCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await BaremetalCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Spawn_console_power_and_destroy_drive_a_node_through_its_lifecycle()
    {
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        NodeId node = fake.EnrollNodes(1, (_, spec) => spec with { Ports = 2 })[0];
        await using FakeIronicServer server = await fake.StartServerAsync();
        string url = server.Endpoint.ToString();
        string instance = Guid.NewGuid().ToString();
        string userData = Path.GetTempFileName();
        await File.WriteAllTextAsync(userData, "#cloud-config\n");
        try
        {
            var spawned = await Run("spawn", "--ironic-url", url, "--node", node.ToString(), "--instance", instance, "--user-data", userData,
                "--vif", Guid.NewGuid().ToString(), "--vif", Guid.NewGuid().ToString(), "--meta", "role=web", "--configdrive", "iso", "-f", "json");
            Assert.True(spawned.Exit == 0, spawned.Error);
            using (JsonDocument report = JsonDocument.Parse(spawned.Output)) { Assert.Equal("active", report.RootElement.GetProperty("provision_state").GetString()); }
            Assert.Equal(2, fake.GetNode(node).Vifs.Count);

            var console = await Run("console", "--ironic-url", url, "--instance", instance, "-f", "json");
            Assert.Equal(0, console.Exit);
            using (JsonDocument report = JsonDocument.Parse(console.Output)) { Assert.Equal(10001, report.RootElement.GetProperty("port").GetInt32()); }

            Assert.Equal(0, (await Run("power", "off", "--ironic-url", url, "--instance", instance)).Exit);
            Assert.Equal(PowerState.PowerOff, fake.GetNode(node).PowerState);
            Assert.Equal(0, (await Run("power", "reboot", "--ironic-url", url, "--instance", instance, "--soft")).Exit);
            Assert.Equal(PowerState.PowerOn, fake.GetNode(node).PowerState);

            var destroyed = await Run("destroy", "--ironic-url", url, "--instance", instance, "-f", "json");
            Assert.Equal(0, destroyed.Exit);
            Assert.Null(fake.GetNode(node).InstanceUuid);
            Assert.Empty(fake.GetNode(node).Vifs);
        }
        finally
        {
            File.Delete(userData);
        }
    }

    [Fact]
    public async Task Invalid_input_exits_2_and_a_failed_operation_exits_1_with_one_named_error()
    {
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        NodeId node = fake.EnrollNodes(1)[0];
        await using FakeIronicServer server = await fake.StartServerAsync();
        string url = server.Endpoint.ToString();

        var badImage = await Run("spawn", "--ironic-url", url, "--node", node.ToString(), "--instance", Guid.NewGuid().ToString(), "--image-source", "https://u:p@x/y");
        Assert.Equal(2, badImage.Exit);
        Assert.DoesNotContain("u:p", badImage.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Requests, r => r.Method != "GET");

        Assert.Equal(2, (await Run("power", "sideways", "--ironic-url", url, "--instance", Guid.NewGuid().ToString())).Exit);
        var missing = await Run("console", "--ironic-url", url, "--instance", Guid.NewGuid().ToString());
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("baremetal: InstanceNotFoundException:", missing.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(missing.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Configdrive_writes_an_iso_labelled_config_2_and_the_gzip_base64_form()
    {
        string dir = Directory.CreateTempSubdirectory("bm-cli-").FullName;
        try
        {
            string meta = Path.Combine(dir, "meta.json");
            await File.WriteAllTextAsync(meta, """{"uuid":"f11c9f5c-c701-46fa-8bcc-20da8c84e356","name":"x","hostname":"x"}""");
            var iso = await Run("configdrive", "build", "--meta-data", meta, "--output", Path.Combine(dir, "drive.iso"));
            Assert.Equal(0, iso.Exit);
            byte[] image = await File.ReadAllBytesAsync(Path.Combine(dir, "drive.iso"));
            Assert.Equal("config-2", System.Text.Encoding.ASCII.GetString(image, 16 * 2048 + 40, 8));

            Assert.Equal(0, (await Run("configdrive", "build", "--meta-data", meta, "--output", Path.Combine(dir, "drive.b64"), "--encoding", "gzip-base64")).Exit);
            Assert.StartsWith("H4sI", await File.ReadAllTextAsync(Path.Combine(dir, "drive.b64")), StringComparison.Ordinal);
            Assert.Equal(2, (await Run("configdrive", "build", "--meta-data", Path.Combine(dir, "missing.json"), "--output", Path.Combine(dir, "x"))).Exit);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_walks_the_whole_lifecycle_and_exits_0()
    {
        var demo = await Run("demo", "--nodes", "3");
        Assert.Equal(0, demo.Exit);
        Assert.Contains("active, power on", demo.Output, StringComparison.Ordinal);
        Assert.Contains("summary:", demo.Output, StringComparison.Ordinal);
    }
}
