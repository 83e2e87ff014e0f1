using System.CommandLine;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal crash-dump</c>: inject an NMI into the instance's node.</summary>
internal static class CrashDumpCommand
{
    public static Command Create(CliIo io)
    {
        return InstanceCommand.Create(io, "crash-dump", "Inject an NMI into the instance's node (API 1.29)", [],
            async (s, _, id, token) =>
            {
                await s.Driver.TriggerCrashDumpAsync(id, token).ConfigureAwait(false);
                await s.Io.Output.WriteLineAsync($"instance {id}: NMI injected").ConfigureAwait(false);
                return 0;
            });
    }
}
