using System.Globalization;
using BareMetal.Cli.Commands;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Spectre.Console;

namespace BareMetal.Cli.Output;

/// <summary>
/// The node's state while a long operation waits, each change once with the elapsed time, drawn with Spectre.Console
/// on the terminal (the session calls it only when stdout is one).
/// </summary>
internal static class Progress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly string[] Fields = ["uuid", "provision_state", "target_provision_state", "power_state", "target_power_state"];

    public static async Task<T> WatchAsync<T>(IIronicClient client, NodeId node, string what, Task<T> work, CliIo io,
        CancellationToken cancellationToken)
    {
        IAnsiConsole console =
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Output), Ansi = AnsiSupport.Detect });
        long started = TimeProvider.System.GetTimestamp();
        string? last = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (!work.IsCompleted)
        {
            try
            {
                Node now = await client.GetNodeAsync(node, Fields, stop.Token).ConfigureAwait(false);
                string state = Describe(now);
                if (state != last)
                {
                    last = state;
                    string elapsed = TimeProvider.System.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                    string shown = Markup.Escape(ErrorLine.Safe(state));
                    console.MarkupLine($"[grey]{elapsed,6} s[/] {Markup.Escape(what)}: node {node} [yellow]{shown}[/]");
                }
            }
            catch (BareMetalException)
            {
                // A read that fails only costs a progress line; the operation itself decides.
            }
            await Task.WhenAny(work, Task.Delay(Interval, TimeProvider.System, stop.Token)).ConfigureAwait(false);
            if (stop.IsCancellationRequested) { break; }
        }
        return await work.ConfigureAwait(false);
    }

    private static string Describe(Node node) =>
        (node.TargetProvisionState is { } target ? $"{node.ProvisionState?.Value} → {target.Value}" : node.ProvisionState?.Value ?? "?")
        + $", power {node.PowerState?.Value ?? "unknown"}" + (node.TargetPowerState is { } power ? $" → {power.Value}" : "");
}
