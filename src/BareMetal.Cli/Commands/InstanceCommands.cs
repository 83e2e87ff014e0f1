using System.CommandLine;
using System.Text;
using BareMetal.Driver.Console;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Cli.Commands;

/// <summary>The commands on an instance once it exists: destroy, rebuild, rescue, unrescue, crash-dump, show and list.</summary>
internal static class InstanceCommands
{
    public static IEnumerable<Command> Create(CliIo io) =>
        [Destroy(io), Rebuild(io), Rescue(io), Unrescue(io), CrashDump(io), Show(io), List(io), Console(io)];

    private static Command Destroy(CliIo io)
    {
        var instance = Args.Instance();
        var node = Args.Node("The node, when known (otherwise looked up)");
        var volumes = new Option<string[]>("--volume") { Description = "A Cinder volume whose Ironic target is removed (repeat)" };
        var timeout = Args.TimeoutSeconds();
        var command = new Command("destroy", "Tear an instance down and free its node") { instance, node, volumes, timeout };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            NodeId? known = Args.NodeOf(parse.GetValue(node), "--node");
            var request = new DestroyRequest
            {
                Instance = id, Node = known, Timeout = Args.Seconds(parse.GetValue(timeout)), VolumeIds = parse.GetValue(volumes) ?? [],
            };
            NodeId? watched = known ?? await NodeOfAsync(s, id, token).ConfigureAwait(false);
            await s.WatchAsync(watched, "destroy", Done(s.Driver.DestroyAsync(request, token)), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("destroyed", true)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Rebuild(CliIo io)
    {
        var instance = Args.Instance();
        var image = new Option<string>("--image-source") { Description = "The new image", Required = true };
        var preserve = new Option<bool>("--preserve-ephemeral") { Description = "Keep the ephemeral partition" };
        var timeout = Args.TimeoutSeconds();
        var command = new Command("rebuild", "Redeploy the instance's node with an image") { instance, image, preserve, timeout };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            var request = new RebuildRequest
            {
                Instance = id, ImageSource = parse.GetValue(image)!, PreserveEphemeral = parse.GetValue(preserve),
                Timeout = Args.Seconds(parse.GetValue(timeout)),
            };
            Node node = await s.WatchAsync(await NodeOfAsync(s, id, token).ConfigureAwait(false), "rebuild",
                s.Driver.RebuildAsync(request, token), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("node", node.Uuid.ToString()),
                ("provision_state", node.ProvisionState?.Value)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Rescue(CliIo io)
    {
        var instance = Args.Instance();
        var password = new Option<string>("--password-file") { Description = "A file with the rescue password", Required = true };
        var command = new Command("rescue", "Boot the instance's node into the rescue ramdisk") { instance, password };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            string secret = Encoding.UTF8.GetString(await Args.ReadFileAsync(parse.GetValue(password)!, token).ConfigureAwait(false))
                .TrimEnd('\r', '\n');
            await s.WatchAsync(await NodeOfAsync(s, id, token).ConfigureAwait(false), "rescue",
                Done(s.Driver.RescueAsync(new RescueRequest { Instance = id, Password = new Secret<string>(secret) }, token)), token)
                .ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("rescued", true)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Unrescue(CliIo io)
    {
        var instance = Args.Instance();
        var command = new Command("unrescue", "Return a rescued instance to active") { instance };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            await s.WatchAsync(await NodeOfAsync(s, id, token).ConfigureAwait(false), "unrescue",
                Done(s.Driver.UnrescueAsync(id, token)), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("rescued", false)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command CrashDump(CliIo io)
    {
        var instance = Args.Instance();
        var command = new Command("crash-dump", "Inject an NMI into the instance's node (API 1.29)") { instance };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            await s.Driver.TriggerCrashDumpAsync(id, token).ConfigureAwait(false);
            await s.Io.Output.WriteLineAsync($"instance {id}: NMI injected").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Show(CliIo io)
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

    private static Command List(CliIo io)
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

    private static Command Console(CliIo io)
    {
        var instance = Args.Instance();
        var type = new Option<string>("--type") { Description = "serial or graphical", DefaultValueFactory = _ => "serial" };
        type.AcceptOnlyFromAmong("serial", "graphical");
        var reset = new Option<bool>("--reset") { Description = "Re-enable the serial console (drops a connected session)" };
        var command = new Command("console", "Where to connect to the instance's console") { instance, type, reset };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            if (parse.GetValue(type) == "graphical")
            {
                ConsoleEndpoint endpoint = await s.Driver.GetGraphicalConsoleAsync(id, token).ConfigureAwait(false);
                await s.Out.ObjectAsync([("type", "graphical"), ("host", endpoint.Host), ("port", endpoint.Port)]).ConfigureAwait(false);
                return 0;
            }
            SerialConsole console = await s.Driver.GetSerialConsoleAsync(id, parse.GetValue(reset), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("type", "serial"), ("host", console.Endpoint.Host), ("port", console.Endpoint.Port),
                ("reset", console.WasReset)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>The node holding the instance, for progress only: none when it cannot be read.</summary>
    public static async Task<NodeId?> NodeOfAsync(CliSession s, InstanceId instance, CancellationToken cancellationToken)
    {
        try { return (await s.Driver.GetInfoAsync(instance, cancellationToken).ConfigureAwait(false)).Node; }
        catch (Ironic.Errors.BareMetalException) { return null; }
    }

    public static async Task<bool> Done(Task work)
    {
        await work.ConfigureAwait(false);
        return true;
    }
}
