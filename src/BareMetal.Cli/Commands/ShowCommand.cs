using System.CommandLine;
using BareMetal.Driver.Requests;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal show</c>: what the compute service reports about an instance.</summary>
internal static class ShowCommand
{
    public static Command Create(CliIo io)
    {
        return InstanceCommand.Create(io, "show", "What the compute service reports about an instance", [],
            async (s, _, id, token) =>
            {
                InstanceInfo info = await s.Driver.GetInfoAsync(id, token).ConfigureAwait(false);
                await s.Out.ObjectAsync(
                [
                    ("instance", info.Instance.ToString()), ("node", info.Node.ToString()), ("power_state", info.PowerState.ToString()),
                    ("provision_state", info.ProvisionState), ("memory_mb", info.MemoryMb), ("vcpus", info.Vcpus),
                ]).ConfigureAwait(false);
                return 0;
            });
    }
}
