using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using BareMetal.Cli.Config;
using BareMetal.Cli.Output;
using BareMetal.Driver;
using BareMetal.Driver.Errors;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Fake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BareMetal.Cli.Commands;

/// <summary>
/// A command's connection to Ironic, resolved as the OpenStack client does: explicit flags first, then the cloud of
/// clouds.yaml named by <c>--os-cloud</c> / <c>OS_CLOUD</c>, then the <c>OS_*</c> (and <c>IRONIC_*</c>) variables.
/// Without any Ironic URL or Keystone, an embedded fake with four nodes. Maps every failure to an exit code.
/// </summary>
internal sealed class CliSession(IServiceProvider services, Formatter formatter, CliIo io, bool quiet)
{
    public const int DefaultFakeNodes = 4;

    public IServiceProvider Services { get; } = services;
    public IBareMetalDriver Driver => Services.GetRequiredService<IBareMetalDriver>();
    public IIronicClient Client => Services.GetRequiredService<IIronicClient>();
    public Formatter Out { get; } = formatter;
    public CliIo Io { get; } = io;

    /// <summary>
    /// Progress on the node while <paramref name="work"/> runs, drawn only when stdout is a terminal (and not with -q):
    /// piped or captured output stays the result alone.
    /// </summary>
    public Task<T> WatchAsync<T>(Ironic.Primitives.NodeId? node, string what, Task<T> work, CancellationToken cancellationToken) =>
        quiet || node is null || !Io.IsTerminal ? work : Progress.WatchAsync(Client, node, what, work, Io, cancellationToken);

    /// <summary>
    /// As <see cref="WatchAsync{T}"/> for an instance's node, looked up (one call) only when progress is drawn: piped
    /// output costs no extra call. A node that cannot be read only means no progress.
    /// </summary>
    public async Task<T> WatchInstanceAsync<T>(Ironic.Primitives.InstanceId instance, string what, Task<T> work,
        CancellationToken cancellationToken)
    {
        if (quiet || !Io.IsTerminal) { return await work.ConfigureAwait(false); }
        Ironic.Primitives.NodeId? node;
        try { node = (await Driver.GetInfoAsync(instance, cancellationToken).ConfigureAwait(false)).Node; }
        catch (BareMetalException) { node = null; }
        return await WatchAsync(node, what, work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command that needs Ironic, with the connection resolved and every failure mapped to 0 / 1 / 2.</summary>
    [SuppressMessage("Design", "CA1068", Justification = "The command's body reads best as the last argument.")]
    public static Task<int> RunAsync(ParseResult parse, CliIo io, CancellationToken cancellationToken,
        Func<CliSession, CancellationToken, Task<int>> run) =>
        GuardAsync(io, cancellationToken, async () =>
        {
            var formatter = new Formatter(io.Output, GlobalOptions.Format(parse),
                GlobalOptions.Columns(parse));
            await using ServiceProvider provider = await BuildAsync(parse, io).ConfigureAwait(false);
            return await run(new CliSession(provider, formatter, io, GlobalOptions.Quiet(parse)), cancellationToken)
                .ConfigureAwait(false);
        });

    /// <summary>Maps the library's exceptions to exit codes, with one redacted, escaped line on stderr.</summary>
    [SuppressMessage("Design", "CA1068", Justification = "The command's body reads best as the last argument.")]
    public static async Task<int> GuardAsync(CliIo io, CancellationToken cancellationToken, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await ErrorLine.WriteAsync(io.Error, e.Message).ConfigureAwait(false);
            await io.Error.WriteLineAsync("Run 'baremetal --help' for usage.").ConfigureAwait(false);
            return 2;
        }
        catch (InvalidDriverRequestException e)
        {
            await ErrorLine.WriteValidationAsync(io.Error, e.Problems).ConfigureAwait(false);
            return 2;
        }
        catch (ConfigDriveException e)
        {
            await ErrorLine.WriteAsync(io.Error, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (ArgumentException e)
        {
            await ErrorLine.WriteAsync(io.Error, $"invalid input: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (BareMetalException e)
        {
            await ErrorLine.WriteAsync(io.Error, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: the library has already left what it touched as its contract says.
            await ErrorLine.WriteAsync(io.Error, "interrupted").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<ServiceProvider> BuildAsync(ParseResult parse, CliIo io)
    {
        CloudConfig? cloud = (GlobalOptions.OsCloud(parse) ?? Variable("OS_CLOUD")) is { } name ? CloudsYaml.Load(name) : null;
        string auth = NormalizeAuth(GlobalOptions.Auth(parse) ?? cloud?.AuthType ?? Variable("OS_AUTH_TYPE") ?? "none");
        string? fromEnvironment = Variable("IRONIC_URL") ?? Variable("OS_ENDPOINT");
        Uri? endpoint = GlobalOptions.IronicUrl(parse) is { } flag ? Url(flag, "--ironic-url")
            : cloud?.BaremetalEndpoint ?? (fromEnvironment is null ? null : Url(fromEnvironment, "IRONIC_URL"));
        FakeIronic? fake = null;
        if (endpoint is null && auth == "http_basic")
        {
            throw new UsageException("--auth http_basic needs --ironic-url, a cloud's baremetal_endpoint_override or IRONIC_URL; the " +
                "embedded fake takes no credentials");
        }
        // Keystone without a URL takes Ironic's endpoint from the catalog: a real login never runs against the fake.
        if (endpoint is null && auth != "keystone")
        {
            fake = new FakeIronic(new FakeIronicOptions { Timings = FakeIronicTimings.Instant });
            fake.EnrollNodes(DefaultFakeNodes, (_, spec) => spec with { Ports = 2 });
            endpoint = new Uri("http://fake-ironic.invalid");
            await io.Error.WriteLineAsync($"baremetal: no Ironic URL: using an embedded fake Ironic with {DefaultFakeNodes} nodes")
                .ConfigureAwait(false);
        }
        LogLevel level = GlobalOptions.Level(parse);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().AddFilter(l => l >= level)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
                o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        IHttpClientBuilder http = services.AddIronicClient(o =>
        {
            o.Endpoint = endpoint;
            Credentials(o.Auth, auth, cloud);
        });
        if (fake is not null) { http.UseFakeIronic(fake); }
        services.AddBareMetalDriver(o => o.ComputeHost = Environment.MachineName.ToLowerInvariant());
        ServiceProvider provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw new UsageException("invalid settings: " + string.Join("; ", e.Failures));
        }
        return provider;
    }

    private static string NormalizeAuth(string auth) => auth switch
    {
        "none" or "noauth" => "none",
        "http_basic" => "http_basic",
        "keystone" or "password" or "v3applicationcredential" => "keystone",
        _ => throw new UsageException($"auth type '{auth}' is not one of none, http_basic, keystone, password, v3applicationcredential"),
    };

    private static void Credentials(IronicAuthOptions options, string auth, CloudConfig? cloud)
    {
        switch (auth)
        {
            case "http_basic":
                options.Type = IronicAuthType.HttpBasic;
                options.Username = cloud?.Username ?? Variable("IRONIC_USERNAME") ?? Variable("OS_USERNAME");
                options.Password = cloud?.Password ?? Variable("IRONIC_PASSWORD") ?? Variable("OS_PASSWORD");
                break;
            case "keystone":
                options.Type = IronicAuthType.Keystone;
                KeystoneAuthOptions k = options.Keystone;
                k.AuthUrl = cloud?.AuthUrl ?? (Variable("OS_AUTH_URL") is { } authUrl ? Url(authUrl, "OS_AUTH_URL") : null);
                k.Username = cloud?.Username ?? Variable("OS_USERNAME");
                k.Password = cloud?.Password ?? Variable("OS_PASSWORD");
                k.ProjectName = cloud?.ProjectName ?? Variable("OS_PROJECT_NAME");
                k.UserDomainName = cloud?.UserDomainName ?? Variable("OS_USER_DOMAIN_NAME") ?? "Default";
                k.ProjectDomainName = cloud?.ProjectDomainName ?? Variable("OS_PROJECT_DOMAIN_NAME") ?? "Default";
                k.ApplicationCredentialId = cloud?.ApplicationCredentialId ?? Variable("OS_APPLICATION_CREDENTIAL_ID");
                k.ApplicationCredentialSecret = cloud?.ApplicationCredentialSecret ?? Variable("OS_APPLICATION_CREDENTIAL_SECRET");
                k.Region = cloud?.RegionName ?? Variable("OS_REGION_NAME");
                break;
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static Uri Url(string text, string what) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https" ? url
        : throw new UsageException($"{what} must be an absolute URL (http or https)");
}
