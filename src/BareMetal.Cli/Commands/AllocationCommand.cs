using System.CommandLine;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal allocation create|list|delete</c>: Ironic picks a node by resource class and traits.</summary>
internal static class AllocationCommand
{
    public static Command Create(CliIo io)
    {
        var resourceClass = new Option<string>("--resource-class") { Description = "The node's resource class", Required = true };
        var traits = new Option<string[]>("--trait") { Description = "A trait the node must have (repeat for more)" };
        var candidates = new Option<string[]>("--candidate-node") { Description = "A node it may pick (repeat for more)" };
        var name = new Option<string?>("--name") { Description = "A name for the allocation" };
        var wait = new Option<int?>("--wait") { Description = "Wait this many seconds for Ironic to pick a node" };
        var create = new Command("create", "Ask Ironic for a node") { resourceClass, traits, candidates, name, wait };
        create.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            Allocation allocation = await s.Client.CreateAllocationAsync(new NewAllocation(parse.GetValue(resourceClass)!)
            {
                Traits = parse.GetValue(traits) is { Length: > 0 } t ? t : null,
                CandidateNodes = parse.GetValue(candidates) is { Length: > 0 } c ? c : null,
                Name = parse.GetValue(name),
            }, token).ConfigureAwait(false);
            if (Args.Seconds(parse.GetValue(wait)) is { } timeout)
            {
                allocation = await s.Services.GetRequiredService<INodeWaiter>().WaitForAllocationAsync(allocation.Uuid, timeout, token)
                    .ConfigureAwait(false);
            }
            await Show(s, allocation).ConfigureAwait(false);
            return 0;
        }));

        var node = Args.Node("Only the allocation of this node");
        var list = new Command("list", "Allocations") { node };
        list.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            var query = new AllocationQuery { Node = Args.NodeOf(parse.GetValue(node), "--node") };
            List<Allocation> all = await s.Client.ListAllocationsAsync(query, token).ToListAsync(token).ConfigureAwait(false);
            await s.Out.ListAsync(["UUID", "Name", "State", "Node UUID", "Resource Class", "Last Error"],
                all.Select(a => (IReadOnlyList<object?>)[a.Uuid.ToString(), a.Name, a.State, a.NodeUuid?.ToString(), a.ResourceClass,
                    a.LastError])).ConfigureAwait(false);
            return 0;
        }));

        var allocationArgument = new Argument<string>("allocation") { Description = "The allocation's UUID" };
        var delete = new Command("delete", "Delete an allocation and free its node") { allocationArgument };
        delete.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            AllocationId id = AllocationId.TryParse(parse.GetValue(allocationArgument), out AllocationId? parsed) ? parsed
                : throw new UsageException("allocation must be a UUID");
            await s.Client.DeleteAllocationAsync(id, token).ConfigureAwait(false);
            await s.Io.Output.WriteLineAsync($"allocation {id} is deleted").ConfigureAwait(false);
            return 0;
        }));
        return new Command("allocation", "Ironic allocations (API 1.52)") { create, list, delete };
    }

    private static Task Show(CliSession s, Allocation a) => s.Out.ObjectAsync(
    [
        ("uuid", a.Uuid.ToString()), ("name", a.Name), ("state", a.State), ("node_uuid", a.NodeUuid?.ToString()),
        ("resource_class", a.ResourceClass), ("traits", a.Traits ?? []), ("last_error", a.LastError),
    ]);
}
