using System.Text.Json;
using System.Text.RegularExpressions;

namespace BareMetal.Cli.Tests;

/// <summary><c>baremetal fake-ironic</c> serves the fake over TCP; <c>baremetal node list</c> lists it.</summary>
public sealed partial class FakeIronicCommandTests
{
    [Fact]
    public async Task Fake_ironic_serves_its_nodes_on_loopback_until_stopped_and_nodes_lists_them()
    {
        using var stop = new CancellationTokenSource();
        var served = new StringWriter();
        Task<int> serving = Task.Run(() => BaremetalCommand.RunAsync(["fake-ironic", "--port", "0", "--nodes", "3"], served, TextWriter.Null, stop.Token));
        string url = await ServedUrl(served, serving);

        var listed = new StringWriter();
        int exit = await BaremetalCommand.RunAsync(["node", "list", "-f", "json", "--ironic-url", url], listed, TextWriter.Null);
        using JsonDocument nodes = JsonDocument.Parse(listed.ToString());

        Assert.Equal(0, exit);
        Assert.Equal(3, nodes.RootElement.GetArrayLength());
        Assert.All(nodes.RootElement.EnumerateArray(), n => Assert.Equal("available", n.GetProperty("Provision State").GetString()));
        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    [Theory]
    [InlineData("fake-ironic", "--port", "70000")]
    [InlineData("fake-ironic", "--nodes", "many")]
    [InlineData("fake-ironic", "--bogus", "1")]
    [InlineData("node", "list", "--ironic-url", "not a url")]
    [InlineData("launch")]
    public async Task Bad_usage_exits_2_and_says_how(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, await BaremetalCommand.RunAsync(args, output, error));
        Assert.NotEmpty(error.ToString());   // the problem, named
        Assert.Matches("Usage:|baremetal --help", output.ToString() + error.ToString());   // and how to do it right
    }

    private static async Task<string> ServedUrl(StringWriter output, Task<int> serving)
    {
        for (int i = 0; i < 200 && !serving.IsCompleted; i++)
        {
            if (Served().Match(output.ToString()) is { Success: true } m) { return m.Groups[1].Value; }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"fake-ironic did not start: {output}");
    }

    [GeneratedRegex(@"serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Served();
}
