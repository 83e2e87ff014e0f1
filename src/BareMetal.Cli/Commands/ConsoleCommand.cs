using System.CommandLine;
using BareMetal.Driver.Console;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal console</c>: where to connect to the instance's serial or graphical console.</summary>
internal static class ConsoleCommand
{
    public static Command Create(CliIo io)
    {
        var type = new Option<string>("--type") { Description = "serial or graphical", DefaultValueFactory = _ => "serial" };
        type.AcceptOnlyFromAmong("serial", "graphical");
        var reset = new Option<bool>("--reset") { Description = "Re-enable the serial console (drops a connected session)" };
        return InstanceCommand.Create(io, "console", "Where to connect to the instance's console", [type, reset],
            async (s, parse, id, token) =>
            {
                if (parse.GetValue(type) == "graphical")
                {
                    ConsoleEndpoint endpoint = await s.Driver.GetGraphicalConsoleAsync(id, token).ConfigureAwait(false);
                    await s.Out.ObjectAsync([("type", "graphical"), ("host", endpoint.Host), ("port", endpoint.Port)])
                        .ConfigureAwait(false);
                    return 0;
                }
                SerialConsole console = await s.Driver.GetSerialConsoleAsync(id, parse.GetValue(reset), token).ConfigureAwait(false);
                await s.Out.ObjectAsync([("type", "serial"), ("host", console.Endpoint.Host), ("port", console.Endpoint.Port),
                    ("reset", console.WasReset)]).ConfigureAwait(false);
                return 0;
            });
    }
}
