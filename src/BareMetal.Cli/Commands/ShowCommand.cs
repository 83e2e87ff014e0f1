using System.CommandLine;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal show</c>: what the compute service reports about an instance.</summary>
internal static class ShowCommand
{
    public static Command Create(CliIo io)
    {
        var instance = Args.Instance();
        var command = new Command("show", "What the compute service reports about an instance") { instance };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceInfo info = await s.Driver.GetInfoAsync(Args.InstanceOf(parse, instance), token).ConfigureAwait(false);
            await s.Out.ObjectAsync(
            [
                ("instance", info.Instance.ToString()), ("node", info.Node.ToString()), ("power_state", info.PowerState.ToString()),
                ("provision_state", info.ProvisionState), ("memory_mb", info.MemoryMb), ("vcpus", info.Vcpus),
            ]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
