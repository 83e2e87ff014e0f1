using System.CommandLine;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal crash-dump</c>: inject an NMI into the instance's node.</summary>
internal static class CrashDumpCommand
{
    public static Command Create(CliIo io)
    {
        var instance = Args.Instance();
        var command = new Command("crash-dump", "Inject an NMI into the instance's node (API 1.29)") { instance };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            await s.Driver.TriggerCrashDumpAsync(id, token).ConfigureAwait(false);
            await s.Io.Output.WriteLineAsync($"instance {id}: NMI injected").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
