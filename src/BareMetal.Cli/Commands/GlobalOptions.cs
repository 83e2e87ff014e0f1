using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace BareMetal.Cli.Commands;

/// <summary>The options every command takes, as the OpenStack client spells them.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> OsCloud = new("--os-cloud")
    {
        Description = "The cloud in clouds.yaml (default: $OS_CLOUD); flags win over it, $OS_* variables fill what it lacks",
        Recursive = true,
    };

    public static readonly Option<string?> IronicUrl = new("--ironic-url", "--os-endpoint")
    {
        Description = "Ironic's URL (default: the cloud's baremetal_endpoint_override, then $IRONIC_URL; none: an embedded fake)",
        Recursive = true,
    };

    public static readonly Option<string?> Auth = new("--auth", "--os-auth-type")
    {
        Description = "none, http_basic or keystone (default: the cloud's auth_type, then $OS_AUTH_TYPE, then none)",
        Recursive = true,
    };

    public static readonly Option<LogLevel> LogLevelOption = new("--log-level")
    {
        Description = "Trace, Debug, Information, Warning or Error; logs go to stderr, redacted",
        DefaultValueFactory = _ => LogLevel.Warning,
        Recursive = true,
    };

    public static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output format", DefaultValueFactory = _ => "table", Recursive = true,
    };

    public static readonly Option<string[]> Columns = new("--column", "-c")
    {
        Description = "Only this column (repeat for more)", Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "No progress while waiting", Recursive = true };

    static GlobalOptions()
    {
        Format.AcceptOnlyFromAmong("table", "json", "value");
        Auth.AcceptOnlyFromAmong("none", "noauth", "http_basic", "keystone", "password", "v3applicationcredential");
    }

    public static IEnumerable<Option> All => [OsCloud, IronicUrl, Auth, LogLevelOption, Format, Columns, Quiet];
}
