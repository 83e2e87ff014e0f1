using System.CommandLine;
using System.Text;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal rescue</c>: boot the instance's node into the rescue ramdisk.</summary>
internal static class RescueCommand
{
    public static Command Create(CliIo io)
    {
        var instance = Args.Instance();
        var password = new Option<string>("--password-file") { Description = "A file with the rescue password", Required = true };
        var command = new Command("rescue", "Boot the instance's node into the rescue ramdisk") { instance, password };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, io, ct, async (s, token) =>
        {
            InstanceId id = Args.InstanceOf(parse, instance);
            string secret = Encoding.UTF8.GetString(await Args.ReadFileAsync(parse.GetValue(password)!, token).ConfigureAwait(false))
                .TrimEnd('\r', '\n');
            await s.WatchInstanceAsync(id, "rescue",
                InstanceLookup.Done(s.Driver.RescueAsync(new RescueRequest { Instance = id, Password = new Secret<string>(secret) },
                    token)), token)
                .ConfigureAwait(false);
            await s.Out.ObjectAsync([("instance", id.ToString()), ("rescued", true)]).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
