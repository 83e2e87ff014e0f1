using BareMetal.Ironic.Fake.Testing;
using Microsoft.Extensions.Logging.Testing;
using BareMetal.Driver.Console;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Console;

public sealed class SerialConsoleTests
{
    private static async Task<(DriverHarness H, InstanceId Instance, NodeId Node)> Spawned()
    {
        var h = new DriverHarness(nodes: 1);
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0], vifs: 1);
        await h.Run(h.Driver.SpawnAsync(request));
        h.Fake.ClearRequests();
        return (h, request.Instance, request.Node);
    }

    [Fact]
    public async Task A_disabled_console_is_enabled_and_its_typed_endpoint_returned_without_a_reset()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;

        SerialConsole console = await h.Run(h.Driver.GetSerialConsoleAsync(instance));

        Assert.Equal(new ConsoleEndpoint("127.0.0.1", 10001), console.Endpoint);
        Assert.False(console.WasReset);
        Assert.True(h.Fake.GetNode(node).ConsoleEnabled);
        Assert.Single(h.Fake.Requests, r => r.Route == FakeRoutes.SetConsole);
        Assert.DoesNotContain("Resetting", h.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enabled_console_is_only_reset_when_asked_with_a_warning_and_the_result_says_so()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        await h.Run(h.Driver.GetSerialConsoleAsync(instance));
        h.Fake.ClearRequests();

        SerialConsole again = await h.Run(h.Driver.GetSerialConsoleAsync(instance));
        Assert.False(again.WasReset);
        Assert.DoesNotContain(h.Fake.Requests, r => r.Route == FakeRoutes.SetConsole);

        SerialConsole reset = await h.Run(h.Driver.GetSerialConsoleAsync(instance, reset: true));
        Assert.True(reset.WasReset);
        Assert.Equal(["{\"enabled\":false}", "{\"enabled\":true}"], h.Fake.Requests.Where(r => r.Route == FakeRoutes.SetConsole).Select(r => r.Body));
        Assert.Contains(h.Logs.GetSnapshot(), e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains(node.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_whose_console_is_serial_has_no_graphical_console_and_says_so()
    {
        (DriverHarness h, InstanceId instance, NodeId _) = await Spawned();
        await using DriverHarness __ = h;
        await h.Run(h.Driver.GetSerialConsoleAsync(instance));
        var error = await Assert.ThrowsAsync<ConsoleUnavailableException>(() => h.Run(h.Driver.GetGraphicalConsoleAsync(instance)));
        Assert.Contains("no graphical console", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_a_graphical_console_gives_the_vnc_endpoint_from_driver_internal_info()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/console_interface", "fake-graphical")]);

        ConsoleEndpoint vnc = await h.Run(h.Driver.GetGraphicalConsoleAsync(instance));

        Assert.Equal(new ConsoleEndpoint("127.0.0.1", 5901), vnc);
        Assert.True(h.Fake.GetNode(node).ConsoleEnabled);
        await Assert.ThrowsAsync<ConsoleUnavailableException>(() => h.Run(h.Driver.GetSerialConsoleAsync(instance)));
    }

    [Fact]
    public async Task A_node_without_a_serial_console_or_with_a_hostile_url_gives_a_specific_error()
    {
        (DriverHarness h, InstanceId instance, NodeId node) = await Spawned();
        await using DriverHarness _ = h;
        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/console_interface", "fake")]);
        await Assert.ThrowsAsync<ConsoleUnavailableException>(() => h.Run(h.Driver.GetSerialConsoleAsync(instance)));

        await h.Client.PatchNodeAsync(node, [JsonPatchOperation.Add("/console_interface", "fake-socat"), JsonPatchOperation.Add("/driver_info/ipmi_terminal_port", "0")]);
        await Assert.ThrowsAsync<ConsoleUrlRejectedException>(() => h.Run(h.Driver.GetSerialConsoleAsync(instance)));
    }
}
