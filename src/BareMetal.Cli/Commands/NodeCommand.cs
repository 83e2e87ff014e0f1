using System.CommandLine;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal node list|show|maintenance set|unset</c>.</summary>
internal static class NodeCommand
{
    private static readonly string[] ShowFields =
        ["uuid", "name", "provision_state", "target_provision_state", "power_state", "maintenance", "maintenance_reason",
            "instance_uuid", "resource_class", "traits", "last_error"];

    public static Command Create(CliIo io)
    {
        var list = new Command("list", "The nodes this service manages, with availability (one cache refresh)");
        list.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            NodeSnapshot snapshot = await s.Services.GetRequiredService<INodeResourceCache>().RefreshAsync(token).ConfigureAwait(false);
            await s.Out.ListAsync(["UUID", "Resource Class", "Provision State", "Power State", "Available", "Instance UUID"],
                snapshot.Nodes.Select(n => (IReadOnlyList<object?>)[n.Node.ToString(), n.ResourceClass, n.ProvisionState, n.PowerState,
                    n.Available, n.Instance?.ToString()])).ConfigureAwait(false);
            return 0;
        }));

        var nodeArgument = new Argument<string>("node") { Description = "The node's UUID or name" };
        var show = new Command("show", "One node") { nodeArgument };
        show.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            NodeId id = await ResolveAsync(s, parse.GetValue(nodeArgument)!, token).ConfigureAwait(false);
            Node node = await s.Client.GetNodeAsync(id, ShowFields, token).ConfigureAwait(false);
            await s.Out.ObjectAsync(
            [
                ("uuid", node.Uuid.ToString()), ("name", node.Name), ("provision_state", node.ProvisionState?.Value),
                ("target_provision_state", node.TargetProvisionState?.Value), ("power_state", node.PowerState?.Value),
                ("maintenance", node.Maintenance), ("maintenance_reason", node.MaintenanceReason),
                ("instance_uuid", node.InstanceUuid?.ToString()), ("resource_class", node.ResourceClass),
                ("traits", node.Traits ?? []), ("last_error", node.LastError),
            ]).ConfigureAwait(false);
            return 0;
        }));

        return new Command("node", "Ironic nodes") { list, show, Maintenance(io) };
    }

    private static Command Maintenance(CliIo io)
    {
        var nodeArgument = new Argument<string>("node") { Description = "The node's UUID or name" };
        var reason = new Option<string?>("--reason") { Description = "Why (shown to other operators)" };
        var set = new Command("set", "Put the node in maintenance") { nodeArgument, reason };
        set.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            NodeId id = await ResolveAsync(s, parse.GetValue(nodeArgument)!, token).ConfigureAwait(false);
            await s.Client.SetMaintenanceAsync(id, parse.GetValue(reason), token).ConfigureAwait(false);
            await s.Io.Output.WriteLineAsync($"node {id} is in maintenance").ConfigureAwait(false);
            return 0;
        }));
        var unsetArgument = new Argument<string>("node") { Description = "The node's UUID or name" };
        var unset = new Command("unset", "Take the node out of maintenance") { unsetArgument };
        unset.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            NodeId id = await ResolveAsync(s, parse.GetValue(unsetArgument)!, token).ConfigureAwait(false);
            await s.Client.ClearMaintenanceAsync(id, token).ConfigureAwait(false);
            await s.Io.Output.WriteLineAsync($"node {id} is out of maintenance").ConfigureAwait(false);
            return 0;
        }));
        return new Command("maintenance", "Maintenance mode") { set, unset };
    }

    /// <summary>A UUID as it is; a name through Ironic, explicitly; anything else is a usage error.</summary>
    public static async Task<NodeId> ResolveAsync(CliSession session, string text, CancellationToken cancellationToken) =>
        NodeId.TryParse(text, out NodeId? id) ? id
        : NodeName.TryParse(text, out NodeName? name) ? await session.Client.ResolveNodeAsync(name, cancellationToken).ConfigureAwait(false)
        : throw new UsageException($"'{text}' is neither a node UUID nor a node name");
}
