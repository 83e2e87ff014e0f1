using System.CommandLine;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal unrescue</c>: return a rescued instance to active.</summary>
internal static class UnrescueCommand
{
    public static Command Create(CliIo io)
    {
        return InstanceCommand.Create(io, "unrescue", "Return a rescued instance to active", [], async (s, _, id, token) =>
        {
            await s.WatchInstanceAsync(id, "unrescue",
                InstanceLookup.Done(s.Driver.UnrescueAsync(id, token)), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("rescued", false)]).ConfigureAwait(false);
            return 0;
        });
    }
}
