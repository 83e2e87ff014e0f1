using System.CommandLine;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary>
/// A command that acts on one instance: the required <c>--instance</c> option, parsed (exit 2 when malformed) before the
/// command's own work runs in a session.
/// </summary>
internal static class InstanceCommand
{
    public static Command Create(CliIo io, string name, string description, IEnumerable<Option> options,
        Func<CliSession, ParseResult, InstanceId, CancellationToken, Task<int>> run)
    {
        var instance = Args.Instance();
        var command = new Command(name, description) { instance };
        foreach (Option option in options)
        {
            command.Add(option);
        }
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct,
            (session, token) => run(session, parse, Args.InstanceOf(parse, instance), token)));
        return command;
    }
}
