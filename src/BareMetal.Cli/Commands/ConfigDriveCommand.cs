using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using BareMetal.Cli.ConfigDrive;
using BareMetal.Cli.Output;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary><c>baremetal configdrive build|inspect</c>: write a drive from files, or read one back.</summary>
internal static class ConfigDriveCommand
{
    private const int MaxDriveBytes = 64 * 1024 * 1024;

    public static Command Create(CliIo io) => new("configdrive", "OpenStack config drives") { Build(io), Inspect(io) };

    private static Command Build(CliIo io)
    {
        var metaData = new Option<string>("--meta-data") { Description = "meta_data.json (needs a UUID \"uuid\")", Required = true };
        var networkData = new Option<string?>("--network-data") { Description = "network_data.json" };
        var userData = new Option<string?>("--user-data") { Description = "The user data" };
        var vendorData = new Option<string?>("--vendor-data") { Description = "vendor_data.json" };
        var output = new Option<string>("--output") { Description = "The file to write", Required = true };
        var encoding = new Option<string>("--encoding")
        {
            Description = "iso, or gzip-base64 as Ironic takes it",
            DefaultValueFactory = _ => "iso",
        };
        encoding.AcceptOnlyFromAmong("iso", "gzip-base64");
        var command = new Command("build", "Build a config drive image in memory and write it")
        {
            metaData, networkData, userData, vendorData, output, encoding,
        };
        command.SetAction((parse, ct) => CliSession.GuardAsync(io, ct, async () =>
        {
            JsonElement meta = await Args.ReadJsonAsync(parse.GetValue(metaData)!, ct).ConfigureAwait(false);
            if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty("uuid", out JsonElement uuid)
                || !InstanceId.TryParse(uuid.GetString(), out InstanceId? instance))
            {
                throw new UsageException("--meta-data must be a JSON object with a UUID \"uuid\"");
            }
            string Text(string key, string fallback) =>
                meta.TryGetProperty(key, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : fallback;
            var content = new ConfigDriveContent
            {
                Metadata = new InstanceMetadata
                {
                    Uuid = instance,
                    Name = Text("name", instance.ToString()),
                    Hostname = Text("hostname", instance.ToString()),
                    AvailabilityZone = meta.TryGetProperty("availability_zone", out JsonElement az) && az.ValueKind == JsonValueKind.String
                        ? az.GetString() : null,
                    Meta = meta.TryGetProperty("meta", out JsonElement m) && m.ValueKind == JsonValueKind.Object
                        ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()) : new Dictionary<string, string>(),
                },
                NetworkData = parse.GetValue(networkData) is { } n ? await Args.ReadJsonAsync(n, ct).ConfigureAwait(false) : null,
                VendorData = parse.GetValue(vendorData) is { } v ? await Args.ReadJsonAsync(v, ct).ConfigureAwait(false) : null,
                UserData = parse.GetValue(userData) is { } u
                    ? new Secret<ReadOnlyMemory<byte>>(await Args.ReadFileAsync(u, ct).ConfigureAwait(false)) : null,
            };
            ConfigDriveEncoding form = parse.GetValue(encoding) == "iso" ? ConfigDriveEncoding.Iso : ConfigDriveEncoding.GzipBase64;
            var builder = new ConfigDriveBuilder(new ConfigDriveOptions(), TimeProvider.System);
            using var buffer = new MemoryStream();
            long isoBytes = await builder.WriteAsync(content, form, buffer, ct).ConfigureAwait(false);
            string file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file, buffer.ToArray(), ct).ConfigureAwait(false);
            await io.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {file}: {buffer.Length} bytes ({isoBytes} bytes of ISO 9660, label config-2)")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Inspect(CliIo io)
    {
        var file = new Argument<string>("file") { Description = "An ISO 9660 image, or gzip+base64 as Ironic stores it" };
        var command = new Command("inspect", "Read a config drive back: its label, files and metadata") { file };
        command.SetAction((parse, ct) => CliSession.GuardAsync(io, ct, async () =>
        {
            var formatter = new Formatter(io.Output, GlobalOptions.Format(parse),
                GlobalOptions.Columns(parse));
            byte[] raw = await Args.ReadFileAsync(parse.GetValue(file)!, ct).ConfigureAwait(false);
            (string label, IReadOnlyList<(string Path, byte[] Content)> files) = Open(raw);
            (string Path, byte[] Content) meta = files.FirstOrDefault(f => f.Path == "/openstack/latest/meta_data.json");
            await io.Output.WriteLineAsync($"label {ErrorLine.Escape(label)}, {files.Count} files").ConfigureAwait(false);
            await formatter.ListAsync(["Path", "Bytes"], files.Select(f => (IReadOnlyList<object?>)[f.Path, f.Content.Length]))
                .ConfigureAwait(false);
            if (meta.Content is not null) { await io.Output.WriteLineAsync(Summary(meta.Content)).ConfigureAwait(false); }
            return 0;
        }));
        return command;
    }

    private static (string, IReadOnlyList<(string, byte[])>) Open(byte[] raw)
    {
        try
        {
            if (raw.Length > 16 * 2048 + 6 && raw[16 * 2048 + 1] == (byte)'C') { return IsoImageReader.Read(raw); }
            byte[] gzip = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(raw).Trim());
            using var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
            using var iso = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            while ((read = inflate.Read(chunk)) > 0)
            {
                if (iso.Length + read > MaxDriveBytes)
                {
                    throw new InvalidDataException("the drive inflates past 64 MiB");
                }
                iso.Write(chunk, 0, read);
            }
            return IsoImageReader.Read(iso.ToArray());
        }
        catch (InvalidDataException e)
        {
            throw NotADrive(e);
        }
        catch (FormatException e)
        {
            throw NotADrive(e);
        }
        catch (IOException e)
        {
            throw NotADrive(e);
        }
    }

    private static UsageException NotADrive(Exception e) => new($"not a config drive: {e.Message}");

    private static string Summary(byte[] metaData)
    {
        try
        {
            using JsonDocument meta = JsonDocument.Parse(metaData);
            string Field(string name) => meta.RootElement.TryGetProperty(name, out JsonElement v) ? ErrorLine.Escape(v.ToString()) : "-";
            return $"meta_data: uuid {Field("uuid")}, name {Field("name")}, hostname {Field("hostname")}";
        }
        catch (JsonException)
        {
            return "meta_data: not JSON";
        }
    }
}
