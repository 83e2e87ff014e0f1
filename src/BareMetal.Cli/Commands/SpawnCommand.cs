using System.CommandLine;
using System.Text;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal spawn</c>: reserve, attach the VIFs, build the config drive, deploy, wait for active.</summary>
internal static class SpawnCommand
{
    public static Command Create(CliIo io)
    {
        var node = new Option<string>("--node") { Description = "The node's UUID", Required = true };
        var image = new Option<string?>("--image-source") { Description = "A Glance image UUID or an http(s) URL (default: a new UUID)" };
        var userData = new Option<string?>("--user-data") { Description = "A file with the user data" };
        var password = new Option<string?>("--admin-password-file") { Description = "A file with the admin password" };
        var vifs = new Option<string[]>("--vif") { Description = "A VIF to attach (repeat for more)" };
        var meta = new Option<string[]>("--meta") { Description = "KEY=VALUE metadata (repeat for more)" };
        var drive = new Option<string>("--configdrive") { Description = "The config drive's form", DefaultValueFactory = _ => "auto" };
        drive.AcceptOnlyFromAmong("auto", "iso", "json");
        var bootMode = new Option<BootMode?>("--boot-mode") { Description = "Uefi or Bios" };
        var secureBoot = new Option<bool>("--secure-boot") { Description = "UEFI secure boot" };
        var traits = new Option<string[]>("--trait") { Description = "A trait the node must have (repeat for more)" };
        var timeout = Args.TimeoutSeconds();
        Option[] options = [node, image, userData, password, vifs, meta, drive, bootMode, secureBoot, traits, timeout];
        return InstanceCommand.Create(io, "spawn", "Deploy an instance to a node", options, async (s, parse, id, token) =>
        {
            NodeId target = Args.NodeOf(parse.GetValue(node), "--node")!;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in parse.GetValue(meta) ?? [])
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new UsageException("--meta takes KEY=VALUE");
                }
                metadata[pair[..eq]] = pair[(eq + 1)..];
            }
            byte[]? user = parse.GetValue(userData) is { } u ? await Args.ReadFileAsync(u, token).ConfigureAwait(false) : null;
            string? admin = parse.GetValue(password) is { } p
                ? Encoding.UTF8.GetString(await Args.ReadFileAsync(p, token).ConfigureAwait(false)).TrimEnd('\r', '\n')
                : null;
            string name = $"instance-{id.Value:N}"[..17];
            var request = new SpawnRequest
            {
                Instance = id,
                Node = target,
                ImageSource = parse.GetValue(image) ?? Guid.NewGuid().ToString(),
                DisplayName = name,
                Flavor = new Flavor { RootGb = 10, Vcpus = 1, MemoryMb = 1024 },
                Timeout = Args.Seconds(parse.GetValue(timeout)),
                RequiredTraits = parse.GetValue(traits) ?? [],
                Capabilities = parse.GetValue(bootMode) is null && !parse.GetValue(secureBoot) ? null
                    : new InstanceCapabilities
                    {
                        BootMode = parse.GetValue(bootMode),
                        SecureBoot = parse.GetValue(secureBoot) ? true : null,
                    },
                Vifs = [.. (parse.GetValue(vifs) ?? []).Select(v => new InstanceVif(Args.VifOf(v), "network", []))],
                ConfigDrive = new ConfigDriveContent
                {
                    Metadata = new InstanceMetadata
                    {
                        Uuid = id,
                        Name = name,
                        Hostname = name,
                        Meta = metadata,
                        AdminPassword = admin is null ? null : new Secret<string>(admin),
                    },
                    UserData = user is null ? null : new Secret<ReadOnlyMemory<byte>>(user),
                },
            };
            s.Services.GetRequiredService<IOptions<ConfigDriveOptions>>().Value.Format =
                Enum.Parse<ConfigDriveFormat>(parse.GetValue(drive)!, ignoreCase: true);
            Node active = await s.WatchAsync(target, "spawn", s.Driver.SpawnAsync(request, token), token).ConfigureAwait(false);
            await s.Out.ObjectAsync(
            [
                ("instance", id.ToString()), ("node", active.Uuid.ToString()), ("provision_state", active.ProvisionState?.Value),
                ("power_state", active.PowerState?.Value),
            ]).ConfigureAwait(false);
            return 0;
        });
    }
}
