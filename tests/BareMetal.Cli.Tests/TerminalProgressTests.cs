using System.Diagnostics;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Tests;

/// <summary>
/// Progress is drawn only on a terminal: the built command runs a spawn under a pseudo-terminal (<c>script</c>) and
/// with its output captured, against a fake whose deploy takes two real seconds.
/// </summary>
public sealed class TerminalProgressTests
{
    private static readonly string Baremetal = Path.Combine(AppContext.BaseDirectory, "baremetal.dll");

    private static async Task<(FakeIronicServer Server, NodeId Node)> SlowFakeAsync()
    {
        FakeIronicTimings timings = FakeIronicTimings.Instant;
        timings.Deploying = TimeSpan.FromSeconds(2);
        var fake = new FakeIronic(new FakeIronicOptions { Timings = timings });
        NodeId node = fake.EnrollNodes(1, (_, spec) => spec with { Ports = 2 })[0];
        return (await fake.StartServerAsync(), node);
    }

    private static async Task<string> RunAsync(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) { start.ArgumentList.Add(arg); }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, await output + await error);
        return await output;
    }

    private static string[] Spawn(FakeIronicServer server, NodeId node) =>
        ["exec", Baremetal, "spawn", "--ironic-url", server.Endpoint.ToString(), "--node", node.ToString(),
            "--instance", Guid.NewGuid().ToString(), "--vif", Guid.NewGuid().ToString()];

    [Fact]
    public async Task Under_a_pseudo_terminal_a_spawn_shows_the_node_moving_with_elapsed_time()
    {
        (FakeIronicServer server, NodeId node) = await SlowFakeAsync();
        await using FakeIronicServer _ = server;
        string command = string.Join(' ', new[] { "dotnet" }.Concat(Spawn(server, node)).Select(a => $"'{a}'"));

        string seen = await RunAsync("/usr/bin/script", "-qec", command, "/dev/null");

        Assert.Matches(@"\d+\.\d s.*spawn: node [0-9a-f-]{36}.*deploying", seen);
        Assert.Matches(@"spawn: node [0-9a-f-]{36}.*active", seen);
        Assert.Contains("provision_state", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_its_output_captured_a_spawn_prints_the_result_alone()
    {
        (FakeIronicServer server, NodeId node) = await SlowFakeAsync();
        await using FakeIronicServer _ = server;

        string seen = await RunAsync("dotnet", Spawn(server, node));

        Assert.DoesNotContain("deploying", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", seen, StringComparison.Ordinal);
        Assert.Contains("| provision_state | active", seen, StringComparison.Ordinal);
    }
}
