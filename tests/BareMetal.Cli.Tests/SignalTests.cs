using System.Diagnostics;
using System.Runtime.InteropServices;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Tests;

/// <summary>
/// The built command as an operator's shell runs it: a real SIGTERM while Ironic hangs ends it with exit 1, one line, and
/// the node left as it was found, not with an unhandled exception (exit 134).
/// </summary>
public sealed class SignalTests
{
    private const int Sigterm = 15;

    private static readonly string Baremetal = Path.Combine(AppContext.BaseDirectory, "baremetal.dll");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Sigterm_while_the_deploy_hangs_exits_1_and_leaves_the_node_as_found()
    {
        var fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
        NodeId node = fake.EnrollNodes(1, (_, spec) => spec with { Ports = 2 })[0];
        fake.Faults.Add(new(FakeFaultKind.Latency) { Route = FakeRoutes.SetProvisionState, Latency = TimeSpan.FromHours(1) });
        await using FakeIronicServer server = await fake.StartServerAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])["exec", Baremetal, "spawn", "--ironic-url", server.Endpoint.ToString(),
            "--node", node.ToString(), "--instance", Guid.NewGuid().ToString(), "--vif", Guid.NewGuid().ToString()])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // The fake logs a request when it answers: the port groups are the last answer before the deploy that hangs.
        while (!fake.Requests.Any(r => r.Route == FakeRoutes.ListPortgroupsDetail) && !process.HasExited)
        {
            await Task.Delay(20, deadline.Token);
        }
        Assert.False(process.HasExited);
        Assert.Equal(0, Kill(process.Id, Sigterm));
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal("baremetal: interrupted", (await error).Trim());
        Assert.Equal("", await output);
        Assert.Null(fake.GetNode(node).InstanceUuid);
        Assert.Empty(fake.GetNode(node).Vifs);
    }
}
