using System.CommandLine;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal list</c>: the instances on the nodes this service manages.</summary>
internal static class ListCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("list", "The instances on the nodes this service manages");
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            IReadOnlyList<InstanceId> instances = await s.Driver.ListInstancesAsync(token).ConfigureAwait(false);
            await s.Out.ListAsync(["Instance UUID"], instances.Select(i => (IReadOnlyList<object?>)[i.ToString()])).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
