using System.CommandLine;
using BareMetal.Driver.Console;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal console</c>: where to connect to the instance's serial or graphical console.</summary>
internal static class ConsoleCommand
{
    public static Command Create(CliIo io)
    {
        var instance = Args.Instance();
        var type = new Option<string>("--type") { Description = "serial or graphical", DefaultValueFactory = _ => "serial" };
        type.AcceptOnlyFromAmong("serial", "graphical");
        var reset = new Option<bool>("--reset") { Description = "Re-enable the serial console (drops a connected session)" };
        var command = new Command("console", "Where to connect to the instance's console") { instance, type, reset };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            if (parse.GetValue(type) == "graphical")
            {
                ConsoleEndpoint endpoint = await s.Driver.GetGraphicalConsoleAsync(id, token).ConfigureAwait(false);
                await s.Out.ObjectAsync([("type", "graphical"), ("host", endpoint.Host), ("port", endpoint.Port)]).ConfigureAwait(false);
                return 0;
            }
            SerialConsole console = await s.Driver.GetSerialConsoleAsync(id, parse.GetValue(reset), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("type", "serial"), ("host", console.Endpoint.Host), ("port", console.Endpoint.Port),
                ("reset", console.WasReset)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
