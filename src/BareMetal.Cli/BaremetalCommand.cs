using System.Globalization;
using System.Text;
using System.Text.Json;
using BareMetal.Cli.Commands;
using BareMetal.Cli.Output;
using BareMetal.Driver;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Console;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Resources;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BareMetal.Cli;

/// <summary>
/// The <c>baremetal</c> command. Exit codes: 0 done; 2 bad usage or invalid input (nothing changed); 1 the operation
/// failed, with one redacted line naming the specific error.
/// </summary>
internal static class BaremetalCommand
{
    private const string Usage = """
        usage: baremetal demo [--nodes N]
               baremetal fake-ironic [--port P] [--nodes N]
               baremetal nodes [--json]
               baremetal spawn --node UUID --instance UUID [--image-source URL] [--user-data FILE] [--admin-password-file FILE]
                               [--vif ID]... [--meta KEY=VALUE]... [--configdrive auto|iso|json] [--timeout SECONDS] [--json]
               baremetal destroy --instance UUID [--node UUID] [--timeout SECONDS] [--json]
               baremetal power on|off|reboot --instance UUID [--soft]
               baremetal console --instance UUID [--reset] [--json]
               baremetal configdrive --meta-data FILE [--network-data FILE] [--user-data FILE] [--vendor-data FILE]
                                     --output FILE [--format iso|gzip-base64]
          Commands that talk to Ironic also take:
          --ironic-url URL   Ironic's URL (default: $IRONIC_URL; neither: an embedded fake Ironic with 4 nodes)
          --auth MODE        none (default), http_basic ($IRONIC_USERNAME/$IRONIC_PASSWORD) or keystone ($OS_AUTH_URL, $OS_USERNAME,
                             $OS_PASSWORD, $OS_PROJECT_NAME, $OS_USER_DOMAIN_NAME, $OS_PROJECT_DOMAIN_NAME)
          --log-level LEVEL  Trace, Debug, Information, Warning (default), Error; logs go to stderr, redacted
        """;

    private const int DefaultFakeNodes = 4;
    private static readonly string[] ConnectionOptions = ["--ironic-url", "--auth", "--log-level"];
    private static readonly string[] SpawnOptions =
    [
        .. ConnectionOptions, "--node", "--instance", "--image-source", "--user-data", "--admin-password-file", "--vif", "--meta",
        "--configdrive", "--timeout",
    ];
    private static readonly string[] ConfigDriveFlags =
        ["--meta-data", "--network-data", "--user-data", "--vendor-data", "--output", "--format"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        try
        {
            string[] rest = args.Length > 0 ? args[1..] : [];
            return args.FirstOrDefault() switch
            {
                "fake-ironic" => await ServeFakeAsync(Parse(rest, ["--port", "--nodes"], []), output, error, cancellationToken)
                    .ConfigureAwait(false),
                "demo" => await DemoAsync(Parse(rest, ["--nodes"], []), output, cancellationToken).ConfigureAwait(false),
                "nodes" => await WithDriverAsync(Parse(rest, ConnectionOptions, ["--json"]),
                    error, (sp, line) => NodesAsync(sp, line, output, cancellationToken)).ConfigureAwait(false),
                "spawn" => await WithDriverAsync(Parse(rest, SpawnOptions, ["--json"]),
                    error, (sp, line) => SpawnAsync(sp, line, output, cancellationToken)).ConfigureAwait(false),
                "destroy" => await WithDriverAsync(Parse(rest, [.. ConnectionOptions, "--instance", "--node", "--timeout"], ["--json"]),
                    error, (sp, line) => DestroyAsync(sp, line, output, cancellationToken)).ConfigureAwait(false),
                "power" => await WithDriverAsync(Parse(rest, [.. ConnectionOptions, "--instance"], ["--soft"]),
                    error, (sp, line) => PowerAsync(sp, line, output, cancellationToken)).ConfigureAwait(false),
                "console" => await WithDriverAsync(Parse(rest, [.. ConnectionOptions, "--instance"], ["--reset", "--json"]),
                    error, (sp, line) => ConsoleAsync(sp, line, output, cancellationToken)).ConfigureAwait(false),
                "configdrive" => await ConfigDriveAsync(Parse(rest, ConfigDriveFlags, []), output, cancellationToken)
                    .ConfigureAwait(false),
                _ => throw new UsageException("unknown command"),
            };
        }
        catch (UsageException e)
        {
            await ErrorLine.WriteAsync(error, e.Message).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        catch (InvalidDriverRequestException e)
        {
            await ErrorLine.WriteAsync(error, $"invalid input: {string.Join("; ", e.Problems)}").ConfigureAwait(false);
            return 2;
        }
        catch (ConfigDriveException e)
        {
            await ErrorLine.WriteAsync(error, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (BareMetalException e)
        {
            await ErrorLine.WriteAsync(error, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the library has already left what it touched as its contract says.
            await ErrorLine.WriteAsync(error, "interrupted").ConfigureAwait(false);
            return 1;
        }
    }

    private static CommandLine Parse(string[] args, string[] valueOptions, string[] flags) =>
        CommandLine.Parse(args, valueOptions.ToHashSet(), flags.ToHashSet(), out string? problem) ?? throw new UsageException(problem!);

    private static InstanceId Instance(CommandLine line) =>
        InstanceId.TryParse(line.Value("--instance"), out InstanceId? id) ? id : throw new UsageException("--instance must be a UUID");

    private static VifId Vif(string text) =>
        VifId.TryParse(text, out VifId? id) ? id : throw new UsageException($"--vif '{text}' is not a UUID");

    private static NodeId? OptionalNode(CommandLine line) =>
        line.Value("--node") is not { } text ? null
        : NodeId.TryParse(text, out NodeId? id) ? id
        : throw new UsageException("--node must be a UUID");

    // ---- connection -------------------------------------------------------------------------------------------------

    private static async Task<int> WithDriverAsync(CommandLine line, TextWriter error, Func<IServiceProvider, CommandLine, Task<int>> run)
    {
        string? url = line.Value("--ironic-url") ?? Environment.GetEnvironmentVariable("IRONIC_URL");
        if (!Enum.TryParse(line.Value("--log-level") ?? "Warning", ignoreCase: true, out LogLevel level))
        {
            throw new UsageException("--log-level is not a log level");
        }
        string auth = line.Value("--auth") ?? "none";
        if (auth is not ("none" or "http_basic" or "keystone"))
        {
            throw new UsageException("--auth must be none, http_basic or keystone");
        }
        FakeIronic? fake = null;
        if (string.IsNullOrEmpty(url) && auth == "http_basic")
        {
            throw new UsageException("--auth http_basic needs --ironic-url or IRONIC_URL; the embedded fake takes no credentials");
        }
        // Keystone without a URL takes Ironic's endpoint from the catalog: a real login never runs against the fake.
        if (string.IsNullOrEmpty(url) && auth != "keystone")
        {
            fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
            fake.EnrollNodes(DefaultFakeNodes, (_, spec) => spec with { Ports = 2 });
            url = "http://fake-ironic.invalid";
            await error.WriteLineAsync($"baremetal: no --ironic-url or IRONIC_URL: using an embedded fake Ironic with " +
                $"{DefaultFakeNodes} nodes").ConfigureAwait(false);
        }
        Uri? endpoint = null;
        if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out endpoint))
        {
            throw new UsageException("--ironic-url (or IRONIC_URL) must be an absolute URL");
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().AddFilter(l => l >= level)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        IHttpClientBuilder http = services.AddIronicClient(o =>
        {
            o.Endpoint = endpoint;
            ConfigureAuth(o.Auth, auth);
        });
        if (fake is not null) { http.UseFakeIronic(fake); }
        services.AddBareMetalDriver(o => o.ComputeHost = Environment.MachineName.ToLowerInvariant());
        await using ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new UsageException("invalid settings: " + string.Join("; ", e.Failures));
        }
        return await run(provider, line).ConfigureAwait(false);
    }

    private static void ConfigureAuth(IronicAuthOptions options, string auth)
    {
        switch (auth)
        {
            case "http_basic":
                options.Type = IronicAuthType.HttpBasic;
                options.Username = Environment.GetEnvironmentVariable("IRONIC_USERNAME");
                options.Password = Environment.GetEnvironmentVariable("IRONIC_PASSWORD");
                break;
            case "keystone":
                options.Type = IronicAuthType.Keystone;
                options.Keystone.AuthUrl = Environment.GetEnvironmentVariable("OS_AUTH_URL") is not { } authUrl ? null
                    : Uri.TryCreate(authUrl, UriKind.Absolute, out Uri? parsed) ? parsed
                    : throw new UsageException("OS_AUTH_URL must be an absolute URL");
                options.Keystone.Username = Environment.GetEnvironmentVariable("OS_USERNAME");
                options.Keystone.Password = Environment.GetEnvironmentVariable("OS_PASSWORD");
                options.Keystone.ProjectName = Environment.GetEnvironmentVariable("OS_PROJECT_NAME");
                options.Keystone.UserDomainName = Environment.GetEnvironmentVariable("OS_USER_DOMAIN_NAME") ?? "Default";
                options.Keystone.ProjectDomainName = Environment.GetEnvironmentVariable("OS_PROJECT_DOMAIN_NAME") ?? "Default";
                break;
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------------

    private static async Task<int> NodesAsync(IServiceProvider services, CommandLine line, TextWriter output,
        CancellationToken cancellationToken)
    {
        INodeResourceCache cache = services.GetRequiredService<INodeResourceCache>();
        NodeSnapshot snapshot = await cache.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (line.Has("--json"))
        {
            await WriteJsonAsync(output, snapshot.Nodes.Select(n => new Dictionary<string, object?>
            {
                ["uuid"] = n.Node.ToString(), ["resource_class"] = n.ResourceClass, ["provision_state"] = n.ProvisionState,
                ["power_state"] = n.PowerState, ["available"] = n.Available, ["instance_uuid"] = n.Instance?.ToString(),
            })).ConfigureAwait(false);
            return 0;
        }
        await output.WriteLineAsync($"{"UUID",-36}  {"RESOURCE CLASS",-22}  {"PROVISION",-12}  {"POWER",-10}  {"AVAILABLE",-9}  " +
            $"INSTANCE").ConfigureAwait(false);
        foreach (NodeResources n in snapshot.Nodes)
        {
            await output.WriteLineAsync($"{n.Node,-36}  {n.ResourceClass,-22}  {n.ProvisionState,-12}  {n.PowerState,-10}  " +
                $"{(n.Available ? "yes" : "no"),-9}  {n.Instance}").ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task<int> SpawnAsync(IServiceProvider services, CommandLine line, TextWriter output,
        CancellationToken cancellationToken)
    {
        InstanceId instance = Instance(line);
        NodeId node = OptionalNode(line) ?? throw new UsageException("--node is required");
        VifId[] vifs = [.. line.Values("--vif").Select(Vif)];
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in line.Values("--meta"))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException("--meta takes KEY=VALUE");
            }
            meta[pair[..eq]] = pair[(eq + 1)..];
        }
        byte[]? userData = line.Value("--user-data") is { } userDataFile
            ? await ReadFileAsync(userDataFile, cancellationToken).ConfigureAwait(false)
            : null;
        string? password = line.Value("--admin-password-file") is { } passwordFile
            ? Encoding.UTF8.GetString(await ReadFileAsync(passwordFile, cancellationToken).ConfigureAwait(false)).TrimEnd('\r', '\n')
            : null;
        var request = new SpawnRequest
        {
            Instance = instance, Node = node, ImageSource = line.Value("--image-source") ?? Guid.NewGuid().ToString(),
            DisplayName = $"instance-{instance.Value:N}"[..17],
            Flavor = new Flavor { RootGb = 10, Vcpus = 1, MemoryMb = 1024 }, Timeout = line.Seconds("--timeout"),
            Vifs = [.. vifs.Select(v => new InstanceVif(v, "network", []))],
            ConfigDrive = new ConfigDriveContent
            {
                Metadata = new InstanceMetadata
                {
                    Uuid = instance, Name = $"instance-{instance.Value:N}"[..17], Hostname = $"instance-{instance.Value:N}"[..17],
                    Meta = meta,
                    AdminPassword = password is null ? null : new Secret<string>(password),
                },
                UserData = userData is null ? null : new Secret<ReadOnlyMemory<byte>>(userData),
            },
        };
        string format = line.Value("--configdrive") ?? "auto";
        if (format is not ("auto" or "iso" or "json"))
        {
            throw new UsageException("--configdrive must be auto, iso or json");
        }
        services.GetRequiredService<IOptions<ConfigDriveOptions>>().Value.Format = Enum.Parse<ConfigDriveFormat>(format, ignoreCase: true);

        Node active = await services.GetRequiredService<IBareMetalDriver>().SpawnAsync(request, cancellationToken).ConfigureAwait(false);
        var report = new Dictionary<string, object?>
        {
            ["instance"] = instance.ToString(), ["node"] = active.Uuid.ToString(),
            ["provision_state"] = active.ProvisionState?.Value, ["power_state"] = active.PowerState?.Value,
        };
        await ReportAsync(output, line, report,
            $"instance {instance} is active on node {active.Uuid}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> DestroyAsync(IServiceProvider services, CommandLine line, TextWriter output,
        CancellationToken cancellationToken)
    {
        InstanceId instance = Instance(line);
        var request = new DestroyRequest { Instance = instance, Node = OptionalNode(line), Timeout = line.Seconds("--timeout") };
        await services.GetRequiredService<IBareMetalDriver>().DestroyAsync(request, cancellationToken).ConfigureAwait(false);
        await ReportAsync(output, line, new() { ["instance"] = instance.ToString(), ["destroyed"] = true },
            $"instance {instance} is destroyed").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> PowerAsync(IServiceProvider services, CommandLine line, TextWriter output,
        CancellationToken cancellationToken)
    {
        InstanceId instance = Instance(line);
        IBareMetalDriver driver = services.GetRequiredService<IBareMetalDriver>();
        bool soft = line.Has("--soft");
        Task action = line.Positional.SingleOrDefault() switch
        {
            "on" => driver.PowerOnAsync(instance, cancellationToken),
            "off" => driver.PowerOffAsync(
                instance, soft ? services.GetRequiredService<DriverOptions>().SoftPowerOffTimeout : null, cancellationToken),
            "reboot" => driver.RebootAsync(instance, soft, cancellationToken),
            _ => throw new UsageException("power takes on, off or reboot"),
        };
        await action.ConfigureAwait(false);
        await output.WriteLineAsync($"instance {instance}: power {line.Positional[0]} done").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ConsoleAsync(IServiceProvider services, CommandLine line, TextWriter output,
        CancellationToken cancellationToken)
    {
        InstanceId instance = Instance(line);
        IBareMetalDriver driver = services.GetRequiredService<IBareMetalDriver>();
        SerialConsole console = await driver.GetSerialConsoleAsync(instance, line.Has("--reset"), cancellationToken).ConfigureAwait(false);
        await ReportAsync(output, line,
            new() { ["type"] = "serial", ["host"] = console.Endpoint.Host, ["port"] = console.Endpoint.Port, ["reset"] = console.WasReset },
            $"serial console at {console.Endpoint.Host}:{console.Endpoint.Port}" +
            $"{(console.WasReset ? " (reset: a connected session was dropped)" : "")}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ConfigDriveAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        string metaFile = line.Value("--meta-data") ?? throw new UsageException("--meta-data is required");
        string outputFile = line.Value("--output") ?? throw new UsageException("--output is required");
        ConfigDriveEncoding encoding = (line.Value("--format") ?? "iso") switch
        {
            "iso" => ConfigDriveEncoding.Iso,
            "gzip-base64" => ConfigDriveEncoding.GzipBase64,
            _ => throw new UsageException("--format must be iso or gzip-base64"),
        };
        JsonElement meta = await ReadJsonAsync(metaFile, cancellationToken).ConfigureAwait(false);
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
                Uuid = instance, Name = Text("name", instance.ToString()), Hostname = Text("hostname", instance.ToString()),
                AvailabilityZone = meta.TryGetProperty("availability_zone", out JsonElement az) && az.ValueKind == JsonValueKind.String
                    ? az.GetString()
                    : null,
                Meta = meta.TryGetProperty("meta", out JsonElement m) && m.ValueKind == JsonValueKind.Object
                    ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()) : new Dictionary<string, string>(),
            },
            NetworkData = line.Value("--network-data") is { } network
                ? await ReadJsonAsync(network, cancellationToken).ConfigureAwait(false)
                : null,
            VendorData = line.Value("--vendor-data") is { } vendor
                ? await ReadJsonAsync(vendor, cancellationToken).ConfigureAwait(false)
                : null,
            UserData = line.Value("--user-data") is { } user
                ? new Secret<ReadOnlyMemory<byte>>(await ReadFileAsync(user, cancellationToken).ConfigureAwait(false))
                : null,
        };
        var builder = new ConfigDriveBuilder(new ConfigDriveOptions(), TimeProvider.System);
        using var buffer = new MemoryStream();
        long isoBytes = await builder.WriteAsync(content, encoding, buffer, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(outputFile, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {outputFile}: {buffer.Length} bytes ({isoBytes} " +
            $"bytes of ISO 9660, label config-2)")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try { return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false); }
        catch (IOException e) { throw new UsageException($"cannot read {path}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new UsageException($"cannot read {path}: {e.Message}"); }
    }

    private static async Task<JsonElement> ReadJsonAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes = await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not JSON: {e.Message}");
        }
    }

    private static int WholeNumber(CommandLine line, string name, int fallback, int min, int max) =>
        line.Value(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max ? n
        : throw new UsageException($"{name} must be a whole number from {min} to {max}");

    /// <summary><c>baremetal demo</c>: the whole lifecycle on an in-process fake, with progress, then a summary.</summary>
    private static async Task<int> DemoAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        int count = WholeNumber(line, "--nodes", DefaultFakeNodes, 1, 10_000);
        var fake = new FakeIronic(new FakeIronicOptions
        {
            Timings = new FakeIronicTimings
            {
                Deploying = TimeSpan.FromMilliseconds(400), Deleting = TimeSpan.FromMilliseconds(200),
                Cleaning = TimeSpan.FromMilliseconds(200), Power = TimeSpan.FromMilliseconds(100), Console = TimeSpan.FromMilliseconds(100),
            },
        });
        fake.EnrollNodes(count, (_, spec) => spec with { Ports = 2 });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIronicClient(o => o.Endpoint = new Uri("http://fake-ironic.invalid")).UseFakeIronic(fake);
        services.AddBareMetalDriver(o =>
        {
            o.ComputeHost = "demo";
            o.FirstPollDelay = TimeSpan.FromMilliseconds(50);
            o.PollInterval = TimeSpan.FromMilliseconds(200);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IBareMetalDriver driver = provider.GetRequiredService<IBareMetalDriver>();
        long started = TimeProvider.System.GetTimestamp();
        string Elapsed() => TimeProvider.System.GetElapsedTime(started).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
        async Task Step(string what, Func<Task<string>> run)
        {
            await output.WriteAsync($"{what} ... ").ConfigureAwait(false);
            string result = await run().ConfigureAwait(false);
            await output.WriteLineAsync($"{result} ({Elapsed()} ms)").ConfigureAwait(false);
        }

        NodeSnapshot snapshot = null!;
        await Step($"refreshing the resource cache of a fake Ironic with {count} nodes", async () =>
        {
            snapshot = await provider.GetRequiredService<INodeResourceCache>().RefreshAsync(cancellationToken).ConfigureAwait(false);
            return $"{snapshot.Query(available: true).Count()} available";
        }).ConfigureAwait(false);
        NodeResources node = snapshot.Query(available: true).First();
        InstanceId instance = InstanceId.FromGuid(Guid.NewGuid());
        await Step($"spawning instance {instance} on node {node.Node} with a config drive and two VIFs", async () =>
        {
            Node active = await driver.SpawnAsync(new SpawnRequest
            {
                Instance = instance, Node = node.Node, ImageSource = Guid.NewGuid().ToString(), DisplayName = "demo",
                Vifs =
                [
                    new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net-a",
                        [new InstanceSubnet("10.0.0.0/24") { IpAddress = "10.0.0.5", Gateway = "10.0.0.1" }]),
                    new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net-b", [new InstanceSubnet("10.1.0.0/24")]),
                ],
                ConfigDrive = new ConfigDriveContent
                {
                    Metadata = new InstanceMetadata { Uuid = instance, Name = "demo", Hostname = "demo.novalocal" },
                },
            }, cancellationToken).ConfigureAwait(false);
            return $"{active.ProvisionState?.Value}, {active.PowerState?.Value}";
        }).ConfigureAwait(false);
        await Step("opening the serial console", async () =>
        {
            SerialConsole console = await driver.GetSerialConsoleAsync(instance,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return $"tcp://{console.Endpoint.Host}:{console.Endpoint.Port}";
        }).ConfigureAwait(false);
        await Step("rebooting (soft)", async () =>
        {
            await driver.RebootAsync(instance, soft: true, cancellationToken).ConfigureAwait(false);
            return "done";
        }).ConfigureAwait(false);
        await Step("destroying", async () =>
        {
            await driver.DestroyAsync(new DestroyRequest { Instance = instance }, cancellationToken).ConfigureAwait(false);
            return "node released";
        }).ConfigureAwait(false);
        FakeNodeView after = fake.GetNode(node.Node);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"summary: {fake.Requests.Count} Ironic calls in {Elapsed()} ms; node {after.Uuid} is {after.ProvisionState} with no " +
                $"instance and {after.Vifs.Count} VIFs")).ConfigureAwait(false);
        return 0;
    }

    private static Task ReportAsync(TextWriter output, CommandLine line, Dictionary<string, object?> json, string text) =>
        line.Has("--json") ? WriteJsonAsync(output, json) : output.WriteLineAsync(text);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static Task WriteJsonAsync(TextWriter output, object value) => output.WriteLineAsync(JsonSerializer.Serialize(value, Indented));
    private static async Task<int> ServeFakeAsync(CommandLine line, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        int port = WholeNumber(line, "--port", 6385, 0, 65535);
        int nodes = WholeNumber(line, "--nodes", DefaultFakeNodes, 0, 100_000);
        var fake = new FakeIronic();
        fake.EnrollNodes(nodes);
        FakeIronicServer server;
        try
        {
            server = await fake.StartServerAsync(port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"baremetal: cannot listen on 127.0.0.1:{port}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        await using (server.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"fake Ironic serving {server.Endpoint} with {nodes} nodes; Ctrl+C stops it").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            try { await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        }
        return 0;
    }
}
