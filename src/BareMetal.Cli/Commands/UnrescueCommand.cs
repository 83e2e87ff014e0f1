using System.CommandLine;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal unrescue</c>: return a rescued instance to active.</summary>
internal static class UnrescueCommand
{
    public static Command Create(CliIo io)
    {
        var instance = Args.Instance();
        var command = new Command("unrescue", "Return a rescued instance to active") { instance };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            await s.WatchInstanceAsync(id, "unrescue",
                InstanceLookup.Done(s.Driver.UnrescueAsync(id, token)), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("rescued", false)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
