using System.CommandLine;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal rebuild</c>: redeploy the instance's node with an image.</summary>
internal static class RebuildCommand
{
    public static Command Create(CliIo io)
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
            Node node = await s.WatchInstanceAsync(id, "rebuild",
                s.Driver.RebuildAsync(request, token), token).ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("node", node.Uuid.ToString()),
                ("provision_state", node.ProvisionState?.Value)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
