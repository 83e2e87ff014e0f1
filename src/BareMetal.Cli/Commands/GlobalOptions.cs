using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace BareMetal.Cli.Commands;

/// <summary>The options every command takes, as the OpenStack client spells them.</summary>
internal static class GlobalOptions
{
    public const string OsCloudName = "--os-cloud";
    public const string IronicUrlName = "--ironic-url";
    public const string AuthName = "--auth";
    public const string LogLevelName = "--log-level";
    public const string FormatName = "--format";
    public const string ColumnsName = "--column";
    public const string QuietName = "--quiet";

    /// <summary>
    /// A fresh set for one root command: an option keeps a list of its parents, so options are never shared between
    /// roots (every test builds its own).
    /// </summary>
    public static IEnumerable<Option> Create()
    {
        var auth = new Option<string?>(AuthName, "--os-auth-type")
        {
            Description = "none, http_basic or keystone (default: the cloud's auth_type, then $OS_AUTH_TYPE, then none)",
            Recursive = true,
        };
        auth.AcceptOnlyFromAmong("none", "noauth", "http_basic", "keystone", "password", "v3applicationcredential");
        var format = new Option<string>(FormatName, "-f")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        format.AcceptOnlyFromAmong("table", "json", "value");
        return
        [
            new Option<string?>(OsCloudName)
            {
                Description = "The cloud in clouds.yaml (default: $OS_CLOUD); flags win over it, $OS_* variables fill what it lacks",
                Recursive = true,
            },
            new Option<string?>(IronicUrlName, "--os-endpoint")
            {
                Description = "Ironic's URL (default: the cloud's baremetal_endpoint_override, then $IRONIC_URL; none: an embedded fake)",
                Recursive = true,
            },
            auth,
            new Option<LogLevel>(LogLevelName)
            {
                Description = "Trace, Debug, Information, Warning or Error; logs go to stderr, redacted",
                DefaultValueFactory = _ => LogLevel.Warning, Recursive = true,
            },
            format,
            new Option<string[]>(ColumnsName, "-c") { Description = "Only this column (repeat for more)", Recursive = true },
            new Option<bool>(QuietName, "-q") { Description = "No progress while waiting", Recursive = true },
        ];
    }

    public static string? OsCloud(ParseResult parse) => parse.GetValue<string?>(OsCloudName);
    public static string? IronicUrl(ParseResult parse) => parse.GetValue<string?>(IronicUrlName);
    public static string? Auth(ParseResult parse) => parse.GetValue<string?>(AuthName);
    public static LogLevel Level(ParseResult parse) => parse.GetValue<LogLevel>(LogLevelName);
    public static string Format(ParseResult parse) => parse.GetValue<string>(FormatName) ?? "table";
    public static string[] Columns(ParseResult parse) => parse.GetValue<string[]>(ColumnsName) ?? [];
    public static bool Quiet(ParseResult parse) => parse.GetValue<bool>(QuietName);
}
