namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>GET /v1/nodes/{id}/states/console</c>.</summary>
/// <param name="ConsoleEnabled">Whether the console is enabled.</param>
/// <param name="ConsoleInfo">Where to connect; null while disabled. Not validated here: the driver parses the URL strictly.</param>
public sealed record NodeConsole(bool ConsoleEnabled, ConsoleInfo? ConsoleInfo);
