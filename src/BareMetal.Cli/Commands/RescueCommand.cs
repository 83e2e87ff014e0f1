using System.CommandLine;
using System.Text;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Logging;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal rescue</c>: boot the instance's node into the rescue ramdisk.</summary>
internal static class RescueCommand
{
    public static Command Create(CliIo io)
    {
        var password = new Option<string>("--password-file") { Description = "A file with the rescue password", Required = true };
        return InstanceCommand.Create(io, "rescue", "Boot the instance's node into the rescue ramdisk", [password],
            async (s, parse, id, token) =>
            {
                byte[] file = await Args.ReadFileAsync(parse.GetValue(password)!, token).ConfigureAwait(false);
                string secret = Encoding.UTF8.GetString(file).TrimEnd('\r', '\n');
                var request = new RescueRequest { Instance = id, Password = new Secret<string>(secret) };
                await s.WatchInstanceAsync(id, "rescue", InstanceLookup.Done(s.Driver.RescueAsync(request, token)), token)
                    .ConfigureAwait(false);
                await s.Out.ObjectAsync([("instance", id.ToString()), ("rescued", true)]).ConfigureAwait(false);
                return 0;
            });
    }
}
