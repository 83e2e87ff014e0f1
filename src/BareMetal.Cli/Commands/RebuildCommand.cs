using System.CommandLine;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal rebuild</c>: redeploy the instance's node with an image.</summary>
internal static class RebuildCommand
{
    public static Command Create(CliIo io)
    {
        var image = new Option<string>("--image-source") { Description = "The new image", Required = true };
        var preserve = new Option<bool>("--preserve-ephemeral") { Description = "Keep the ephemeral partition" };
        var timeout = Args.TimeoutSeconds();
        return InstanceCommand.Create(io, "rebuild", "Redeploy the instance's node with an image", [image, preserve, timeout],
            async (s, parse, id, token) =>
            {
                var request = new RebuildRequest
                {
                    Instance = id,
                    ImageSource = parse.GetValue(image)!,
                    PreserveEphemeral = parse.GetValue(preserve),
                    Timeout = Args.Seconds(parse.GetValue(timeout)),
                };
                Node node = await s.WatchInstanceAsync(id, "rebuild",
                    s.Driver.RebuildAsync(request, token), token).ConfigureAwait(false);
                await s.Out.ObjectAsync([("instance", id.ToString()), ("node", node.Uuid.ToString()),
                    ("provision_state", node.ProvisionState?.Value)]).ConfigureAwait(false);
                return 0;
            });
    }
}
