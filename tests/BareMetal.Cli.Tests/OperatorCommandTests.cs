using System.Text.Json;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Tests;

/// <summary>Every command an operator runs, against the fake over TCP: what it sends, what it prints, how it exits.</summary>
public sealed class OperatorCommandTests : IAsyncLifetime
{
    private FakeIronic _fake = null!;
    private FakeIronicServer _server = null!;
    private IReadOnlyList<NodeId> _nodes = [];

    private string Url => _server.Endpoint.ToString();

    public async Task InitializeAsync()
    {
        _fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        _nodes = _fake.EnrollNodes(3, (i, spec) => spec with { Name = $"rack1-{i}", Ports = 2 });
        _server = await _fake.StartServerAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await BaremetalCommand.RunAsync([.. args, "--ironic-url", Url], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string> SpawnAsync(NodeId node, params string[] extra)
    {
        string instance = Guid.NewGuid().ToString();
        var spawned = await Run(["spawn", "--node", node.ToString(), "--instance", instance, "--vif", Guid.NewGuid().ToString(), .. extra]);
        Assert.True(spawned.Exit == 0, spawned.Error);
        return instance;
    }

    [Fact]
    public async Task Node_show_by_name_and_json_shapes_an_object_a_list_and_kept_columns()
    {
        var show = await Run("node", "show", "rack1-1", "-f", "json");
        var list = await Run("node", "list", "-f", "json", "-c", "UUID", "-c", "Available");
        var value = await Run("node", "list", "-f", "value", "-c", "UUID");
        var table = await Run("node", "show", _nodes[0].ToString());

        using JsonDocument node = JsonDocument.Parse(show.Output);
        Assert.Equal(_nodes[1].ToString(), node.RootElement.GetProperty("uuid").GetString());
        Assert.Equal("available", node.RootElement.GetProperty("provision_state").GetString());
        using JsonDocument nodes = JsonDocument.Parse(list.Output);
        Assert.All(nodes.RootElement.EnumerateArray(), n => Assert.Equal(["UUID", "Available"], n.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(_nodes.Select(n => n.ToString()).Order(), value.Output.Trim().Split('\n').Order());
        Assert.Contains("| Field ", table.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("node", "list", "-c", "Colour")).Exit);
    }

    [Fact]
    public async Task Maintenance_set_and_unset_round_trip()
    {
        Assert.Equal(0, (await Run("node", "maintenance", "set", "rack1-2", "--reason", "fan")).Exit);
        Assert.True(_fake.GetNode(_nodes[2]).Maintenance);
        Assert.Equal(0, (await Run("node", "maintenance", "unset", _nodes[2].ToString())).Exit);
        Assert.False(_fake.GetNode(_nodes[2]).Maintenance);
    }

    [Fact]
    public async Task An_allocation_is_created_filled_listed_and_deleted()
    {
        var created = await Run("allocation", "create", "--resource-class", "baremetal-gold", "--candidate-node", _nodes[2].ToString(),
            "--wait", "30", "-f", "json");
        Assert.True(created.Exit == 0, created.Error);
        using JsonDocument allocation = JsonDocument.Parse(created.Output);
        Assert.Equal("active", allocation.RootElement.GetProperty("state").GetString());
        string id = allocation.RootElement.GetProperty("uuid").GetString()!;

        var listed = await Run("allocation", "list", "--node", _nodes[2].ToString(), "-f", "value", "-c", "UUID");
        Assert.Equal(id, listed.Output.Trim());
        Assert.Equal(0, (await Run("allocation", "delete", id)).Exit);
        Assert.Null(_fake.GetNode(_nodes[2]).InstanceUuid);
    }

    [Fact]
    public async Task An_instance_is_shown_listed_rebuilt_rescued_dumped_and_its_vifs_managed()
    {
        string instance = await SpawnAsync(_nodes[0], "--boot-mode", "Uefi", "--secure-boot");
        Assert.Equal("""{"boot_mode":"uefi","secure_boot":"true"}""", _fake.GetNode(_nodes[0]).InstanceInfo["capabilities"]!.GetValue<string>());

        var show = await Run("show", "--instance", instance, "-f", "json");
        using (JsonDocument info = JsonDocument.Parse(show.Output)) { Assert.Equal(_nodes[0].ToString(), info.RootElement.GetProperty("node").GetString()); }
        Assert.Contains(instance, (await Run("list", "-f", "value")).Output, StringComparison.Ordinal);

        string vif = Guid.NewGuid().ToString();
        Assert.Equal(0, (await Run("vif", "attach", "--instance", instance, "--vif", vif)).Exit);
        Assert.Contains(vif, (await Run("vif", "list", "--instance", instance, "-f", "value")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("vif", "detach", "--instance", instance, "--vif", vif)).Exit);
        Assert.DoesNotContain(vif, _fake.GetNode(_nodes[0]).Vifs);

        string image = Guid.NewGuid().ToString();
        Assert.Equal(0, (await Run("rebuild", "--instance", instance, "--image-source", image, "--preserve-ephemeral")).Exit);
        Assert.Equal(image, _fake.GetNode(_nodes[0]).InstanceInfo["image_source"]!.GetValue<string>());

        string password = Path.GetTempFileName();
        await File.WriteAllTextAsync(password, "rescue-me\n");
        try
        {
            Assert.Equal(0, (await Run("rescue", "--instance", instance, "--password-file", password)).Exit);
            Assert.Equal(ProvisionState.Rescue, _fake.GetNode(_nodes[0]).ProvisionState);
            Assert.Equal(0, (await Run("unrescue", "--instance", instance)).Exit);
            Assert.Equal(ProvisionState.Active, _fake.GetNode(_nodes[0]).ProvisionState);
        }
        finally
        {
            File.Delete(password);
        }
        // fake-hardware, like Ironic's, has no NMI: the command asks, and names the refusal on one line.
        var dump = await Run("crash-dump", "--instance", instance);
        Assert.Equal(1, dump.Exit);
        Assert.StartsWith("baremetal: CrashDumpFailedException:", dump.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains(_fake.Requests, r => r.Route == FakeRoutes.InjectNmi);
        Assert.Equal(0, (await Run("destroy", "--instance", instance, "-q")).Exit);
    }

    [Fact]
    public async Task Bad_input_is_exit_2_and_sends_nothing()
    {
        int before = _fake.Requests.Count;

        Assert.Equal(2, (await Run("spawn", "--node", _nodes[0].ToString(), "--instance", Guid.NewGuid().ToString(), "--vif", "not-a-uuid")).Exit);
        Assert.Equal(2, (await Run("spawn", "--node", "rack1-0", "--instance", Guid.NewGuid().ToString())).Exit);   // spawn takes a UUID
        Assert.Equal(2, (await Run("show", "--instance", "nope")).Exit);
        Assert.Equal(2, (await Run("node", "list", "-f", "yaml")).Exit);
        Assert.Equal(2, (await Run("allocation", "delete", "nope")).Exit);

        Assert.Equal(before, _fake.Requests.Count);
    }

    [Fact]
    public async Task Configdrive_inspect_reads_back_what_build_wrote_in_both_encodings()
    {
        string dir = Directory.CreateTempSubdirectory("bm-inspect-").FullName;
        try
        {
            string meta = Path.Combine(dir, "meta.json");
            await File.WriteAllTextAsync(meta, """{"uuid":"f11c9f5c-c701-46fa-8bcc-20da8c84e356","name":"web-1","hostname":"web-1.example"}""");
            foreach (string encoding in (string[])["iso", "gzip-base64"])
            {
                string drive = Path.Combine(dir, "drive." + encoding);
                Assert.Equal(0, (await Run("configdrive", "build", "--meta-data", meta, "--output", drive, "--encoding", encoding)).Exit);

                var inspected = await Run("configdrive", "inspect", drive, "-f", "value", "-c", "Path");

                Assert.True(inspected.Exit == 0, inspected.Error);
                Assert.Contains("label config-2", inspected.Output, StringComparison.Ordinal);
                Assert.Contains("/openstack/latest/meta_data.json", inspected.Output, StringComparison.Ordinal);
                Assert.Contains("/ec2/latest/meta-data.json", inspected.Output, StringComparison.Ordinal);
                Assert.Contains("uuid f11c9f5c-c701-46fa-8bcc-20da8c84e356, name web-1, hostname web-1.example", inspected.Output,
                    StringComparison.Ordinal);
            }
            string junk = Path.Combine(dir, "junk");
            await File.WriteAllTextAsync(junk, "not a drive");
            Assert.Equal(2, (await Run("configdrive", "inspect", junk)).Exit);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _baremetal_complete baremetal")]
    [InlineData("zsh", "compdef _baremetal baremetal")]
    public async Task Completion_scripts_ask_baremetal_itself(string shell, string expected)
    {
        var script = await Run("completion", shell);

        Assert.Equal(0, script.Exit);
        Assert.Contains(expected, script.Output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", script.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scripts_suggestions_come_from_the_declared_commands()
    {
        var output = new StringWriter();

        Assert.Equal(0, await BaremetalCommand.RunAsync(["[suggest:12]", "baremetal po"], output, TextWriter.Null));

        Assert.Contains("power", output.ToString().Split('\n'));
    }
}
