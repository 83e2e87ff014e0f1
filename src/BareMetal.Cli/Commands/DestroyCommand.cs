using System.CommandLine;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal destroy</c>: tear an instance down from any state and free its node.</summary>
internal static class DestroyCommand
{
    public static Command Create(CliIo io)
    {
        var node = Args.Node("The node, when known (otherwise looked up)");
        var volumes = new Option<string[]>("--volume") { Description = "A Cinder volume whose Ironic target is removed (repeat)" };
        var timeout = Args.TimeoutSeconds();
        return InstanceCommand.Create(io, "destroy", "Tear an instance down and free its node", [node, volumes, timeout],
            async (s, parse, id, token) =>
            {
                NodeId? known = Args.NodeOf(parse.GetValue(node), "--node");
                var request = new DestroyRequest
                {
                    Instance = id,
                    Node = known,
                    Timeout = Args.Seconds(parse.GetValue(timeout)),
                    VolumeIds = parse.GetValue(volumes) ?? [],
                };
                Task<bool> work = InstanceLookup.Done(s.Driver.DestroyAsync(request, token));
                await (known is null ? s.WatchInstanceAsync(id, "destroy", work, token) : s.WatchAsync(known, "destroy", work, token))
                    .ConfigureAwait(false);
                await s.Out.ObjectAsync([("instance", id.ToString()), ("destroyed", true)]).ConfigureAwait(false);
                return 0;
            });
    }
}
