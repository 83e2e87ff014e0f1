using System.Text.Json;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Fake.Hosting;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
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
        usage: baremetal nodes [--json] [--ironic-url URL] [--auth none|http_basic] [--log-level LEVEL]
               baremetal fake-ironic [--port P] [--nodes N]
          --ironic-url   Ironic's URL (default: $IRONIC_URL; neither: an embedded fake Ironic with 4 nodes)
          --auth         none (default) or http_basic with $IRONIC_USERNAME / $IRONIC_PASSWORD
          --log-level    Trace, Debug, Information, Warning (default), Error; logs go to stderr, redacted
          --port         fake-ironic: the port on 127.0.0.1 (default 6385; 0 picks a free one)
          --nodes        fake-ironic: how many available nodes to enroll (default 4)
        """;

    private const int DefaultFakeNodes = 4;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length > 0 && args[0] == "fake-ironic")
        {
            return await ServeFakeAsync(args, output, error, cancellationToken).ConfigureAwait(false);
        }
        if (args.Length == 0 || args[0] != "nodes")
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": options["json"] = "true"; break;
                case "--ironic-url" or "--auth" or "--log-level" when i + 1 < args.Length: options[args[i][2..]] = args[++i]; break;
                default:
                    await error.WriteLineAsync($"baremetal: unknown or incomplete option '{args[i]}'\n{Usage}").ConfigureAwait(false);
                    return 2;
            }
        }
        string? url = options.GetValueOrDefault("ironic-url") ?? Environment.GetEnvironmentVariable("IRONIC_URL");
        FakeIronic? fake = null;
        if (string.IsNullOrEmpty(url))
        {
            fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
            fake.EnrollNodes(DefaultFakeNodes);
            url = "http://fake-ironic.invalid";
            await error.WriteLineAsync($"baremetal: no --ironic-url or IRONIC_URL: using an embedded fake Ironic with {DefaultFakeNodes} nodes").ConfigureAwait(false);
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? endpoint)
            || !Enum.TryParse(options.GetValueOrDefault("log-level") ?? "Warning", ignoreCase: true, out LogLevel level)
            || options.GetValueOrDefault("auth") is not (null or "none" or "http_basic"))
        {
            await error.WriteLineAsync($"baremetal: give --ironic-url (or IRONIC_URL) as an absolute URL, and valid --auth and --log-level values\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().AddFilter(l => l >= level)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        IHttpClientBuilder http = services.AddIronicClient(o =>
        {
            o.Endpoint = endpoint;
            if (options.GetValueOrDefault("auth") == "http_basic")
            {
                o.Auth.Type = IronicAuthType.HttpBasic;
                o.Auth.Username = Environment.GetEnvironmentVariable("IRONIC_USERNAME");
                o.Auth.Password = Environment.GetEnvironmentVariable("IRONIC_PASSWORD");
            }
        });
        if (fake is not null) { http.UseFakeIronic(fake); }
        await using ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("baremetal: invalid settings: " + string.Join("; ", e.Failures)).ConfigureAwait(false);
            return 2;
        }
        try
        {
            await ListNodesAsync(provider.GetRequiredService<IIronicClient>(), options.ContainsKey("json"), output).ConfigureAwait(false);
            return 0;
        }
        catch (BareMetalException e)
        {
            await error.WriteLineAsync($"baremetal: {e.GetType().Name}: {SensitiveData.RedactText(e.Message)}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary><c>baremetal fake-ironic</c>: serves the fake on 127.0.0.1 until cancelled (Ctrl+C or SIGTERM).</summary>
    private static async Task<int> ServeFakeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        int port = 6385, nodes = DefaultFakeNodes;
        for (int i = 1; i < args.Length; i++)
        {
            bool valid = i + 1 < args.Length && args[i] switch
            {
                "--port" => int.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535,
                "--nodes" => int.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out nodes) && nodes is >= 0 and <= 100_000,
                _ => false,
            };
            if (!valid)
            {
                await error.WriteLineAsync($"baremetal: fake-ironic takes --port 0-65535 and --nodes 0-100000\n{Usage}").ConfigureAwait(false);
                return 2;
            }
        }
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

    private static async Task ListNodesAsync(IIronicClient client, bool json, TextWriter output)
    {
        var query = new NodeQuery { Fields = NodeFields.Driver };
        using var stream = new MemoryStream();
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        if (!json)
        {
            await output.WriteLineAsync($"{"UUID",-36}  {"RESOURCE CLASS",-16}  {"PROVISION",-16}  {"POWER",-10}  INSTANCE").ConfigureAwait(false);
        }
        await foreach (Node node in client.ListNodesAsync(query).ConfigureAwait(false))
        {
            if (json)
            {
                writer.WriteStartObject();
                writer.WriteString("uuid", node.Uuid.ToString());
                writer.WriteString("resource_class", node.ResourceClass);
                writer.WriteString("provision_state", node.ProvisionState?.Value);
                writer.WriteString("power_state", node.PowerState?.Value);
                writer.WriteBoolean("maintenance", node.Maintenance);
                writer.WriteString("instance_uuid", node.InstanceUuid?.ToString());
                writer.WriteEndObject();
            }
            else
            {
                await output.WriteLineAsync($"{node.Uuid,-36}  {node.ResourceClass,-16}  {node.ProvisionState?.Value,-16}  {node.PowerState?.Value,-10}  {node.InstanceUuid}").ConfigureAwait(false);
            }
        }
        if (json)
        {
            writer.WriteEndArray();
            await writer.FlushAsync().ConfigureAwait(false);
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
        }
    }
}
