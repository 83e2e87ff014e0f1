using System.CommandLine;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal vif attach|detach|list</c> on an instance's node.</summary>
internal static class VifCommand
{
    public static Command Create(CliIo io)
    {
        var vif = new Command("vif", "The instance's virtual interfaces");
        foreach (string action in (string[])["attach", "detach"])
        {
            var id = new Option<string>("--vif") { Description = "The VIF (Neutron port) UUID", Required = true };
            vif.Add(InstanceCommand.Create(io, action, $"{action} a VIF", [id], async (s, parse, target, token) =>
            {
                VifId port = Args.VifOf(parse.GetValue(id)!);
                await (action == "attach" ? s.Driver.AttachInterfaceAsync(target, port, token)
                    : s.Driver.DetachInterfaceAsync(target, port, token)).ConfigureAwait(false);
                await s.Io.Output.WriteLineAsync($"instance {target}: VIF {port} {action}ed").ConfigureAwait(false);
                return 0;
            }));
        }
        vif.Add(InstanceCommand.Create(io, "list", "The VIFs attached to the instance's node", [], async (s, _, target, token) =>
        {
            NodeId node = (await s.Driver.GetInfoAsync(target, token).ConfigureAwait(false)).Node;
            IReadOnlyList<VifId> vifs = await s.Client.ListVifsAsync(node, token).ConfigureAwait(false);
            await s.Out.ListAsync(["VIF"], vifs.Select(v => (IReadOnlyList<object?>)[v.ToString()])).ConfigureAwait(false);
            return 0;
        }));
        return vif;
    }
}
