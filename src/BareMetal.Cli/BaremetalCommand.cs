using System.CommandLine;
using BareMetal.Cli.Commands;

namespace BareMetal.Cli;

/// <summary>
/// The <c>baremetal</c> command, on System.CommandLine. Exit codes: 0 done; 2 bad usage or invalid input (nothing
/// changed); 1 the operation failed, with one redacted line naming the specific error.
/// </summary>
internal static class BaremetalCommand
{
    /// <summary>Every command, with the global options, writing to <paramref name="io"/>.</summary>
    public static RootCommand Build(CliIo io)
    {
        var root = new RootCommand("Turn OpenStack Ironic nodes into instances: spawn, destroy, power, consoles, config drives.");
        foreach (Option option in GlobalOptions.Create()) { root.Add(option); }
        root.Add(NodeCommand.Create(io));
        root.Add(AllocationCommand.Create(io));
        root.Add(SpawnCommand.Create(io));
        root.Add(DestroyCommand.Create(io));
        root.Add(RebuildCommand.Create(io));
        root.Add(RescueCommand.Create(io));
        root.Add(UnrescueCommand.Create(io));
        root.Add(CrashDumpCommand.Create(io));
        root.Add(ShowCommand.Create(io));
        root.Add(ListCommand.Create(io));
        root.Add(ConsoleCommand.Create(io));
        root.Add(PowerCommand.Create(io));
        root.Add(VifCommand.Create(io));
        root.Add(ConfigDriveCommand.Create(io));
        root.Add(FakeIronicCommand.Create(io));
        root.Add(DemoCommand.Create(io));
        root.Add(CompletionCommand.Create(io));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliIo(output, error, IsTerminal: false), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
    {
        ParseResult parse = Build(io).Parse(args);
        int exit = await parse.InvokeAsync(new InvocationConfiguration { Output = io.Output, Error = io.Error }, cancellationToken)
            .ConfigureAwait(false);
        // A usage error (unknown command or option, missing or invalid value) changed nothing: exit 2, as documented.
        return parse.Errors.Count > 0 ? 2 : exit;
    }
}
