using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Errors;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Console;

/// <summary>
/// Serial console access: enables a disabled console and waits for it with a deadline; resets (disable, enable) only
/// when the caller asks, because IPMI serial allows one session and a reset silently drops whoever is connected.
/// </summary>
internal sealed class ConsoleOperations(DriverContext context)
{
    public async Task<SerialConsole> GetSerialConsoleAsync(InstanceId instance, bool reset, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        try
        {
            NodeConsole console = await context.Client.GetConsoleAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
            if (console.ConsoleEnabled && reset)
            {
                context.Logger.ConsoleReset(node.Uuid, instance);
                await SetAsync(node.Uuid, instance, enabled: false, cancellationToken).ConfigureAwait(false);
                console = await SetAsync(node.Uuid, instance, enabled: true, cancellationToken).ConfigureAwait(false);
            }
            else if (!console.ConsoleEnabled)
            {
                console = await SetAsync(node.Uuid, instance, enabled: true, cancellationToken).ConfigureAwait(false);
                reset = false;
            }
            else
            {
                reset = false;
            }
            if (console.ConsoleInfo?.Type != "socat")
            {
                throw new ConsoleUnavailableException(
                    $"Node {node.Uuid} offers no serial (socat) console: its console is '{console.ConsoleInfo?.Type ?? "none"}'.",
                    node.Uuid, instance);
            }
            return new SerialConsole(ConsoleEndpoint.Parse(console.ConsoleInfo.Url, node.Uuid), reset);
        }
        catch (IronicApiException e)
        {
            throw new ConsoleUnavailableException(
                $"Ironic gave no console for node {node.Uuid}: {e.IronicMessage}", node.Uuid, instance, e);
        }
    }

    /// <summary>
    /// The graphical (VNC) console where Ironic offers one: enabled when disabled (no reset), type <c>vnc</c>, and
    /// the endpoint Ironic records in <c>driver_internal_info</c> (its console URL is a noVNC page, not the endpoint).
    /// </summary>
    public async Task<ConsoleEndpoint> GetGraphicalConsoleAsync(InstanceId instance, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        try
        {
            NodeConsole console = await context.Client.GetConsoleAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
            // A disabled console shows its type only once enabled, as Nova's own check does it.
            if (!console.ConsoleEnabled)
            {
                console = await SetAsync(node.Uuid, instance, enabled: true, cancellationToken).ConfigureAwait(false);
            }
            if (console.ConsoleInfo?.Type != "vnc")
            {
                throw new ConsoleUnavailableException(
                    $"Node {node.Uuid} offers no graphical console: its console is '{console.ConsoleInfo?.Type ?? "none"}'.", node.Uuid,
                    instance);
            }
            Node details = await context.Client.GetNodeAsync(node.Uuid, ["uuid", "driver_internal_info"],
                cancellationToken).ConfigureAwait(false);
            string? host = details.DriverInternalInfo?.TryGetValue("vnc_host", out var h) == true ? h.ToString() : null;
            string? port = details.DriverInternalInfo?.TryGetValue("vnc_port", out var p) == true ? p.ToString() : null;
            if (host is null || port is null)
            {
                throw new ConsoleUnavailableException($"Node {node.Uuid} reports no VNC host and port.", node.Uuid, instance);
            }
            return ConsoleEndpoint.Parse($"tcp://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}", node.Uuid);
        }
        catch (IronicApiException e)
        {
            throw new ConsoleUnavailableException(
                $"Ironic gave no console for node {node.Uuid}: {e.IronicMessage}", node.Uuid, instance, e);
        }
    }

    private async Task<NodeConsole> SetAsync(NodeId node, InstanceId instance, bool enabled, CancellationToken cancellationToken)
    {
        await context.Writes.SettleAsync(what: enabled ? "enabling the console" : "disabling the console", node: node,
            send: ct => context.Client.SetConsoleEnabledAsync(node, enabled, ct),
            tookEffect: async ct => (await context.Client.GetConsoleAsync(node, ct).ConfigureAwait(false)).ConsoleEnabled == enabled,
            refusalMayHideSuccess: e => e is NodeLockedException, cancellationToken).ConfigureAwait(false);
        try
        {
            return await context.Poller.UntilAsync(node, instance, context.Options.ConsoleTimeout,
                enabled ? "enable its console" : "disable its console",
                ct => context.Client.GetConsoleAsync(node, ct), c => c.ConsoleEnabled == enabled, cancellationToken).ConfigureAwait(false);
        }
        catch (WaitTimedOutException e)
        {
            throw new ConsoleUnavailableException(
                $"Node {node}'s console did not become {(enabled ? "enabled" : "disabled")} within {context.Options.ConsoleTimeout}.", node,
                instance, e);
        }
    }
}
