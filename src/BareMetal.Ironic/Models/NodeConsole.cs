namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>GET /v1/nodes/{id}/states/console</c>.</summary>
/// <param name="ConsoleEnabled">Whether the console is enabled.</param>
/// <param name="ConsoleInfo">Where to connect; null while disabled. Not validated here: the driver parses the URL strictly.</param>
public sealed record NodeConsole(bool ConsoleEnabled, ConsoleInfo? ConsoleInfo);

/// <summary>Ironic's console connection info.</summary>
/// <param name="Type">The console type: <c>socat</c>, <c>shellinabox</c>, <c>vnc</c>…</param>
/// <param name="Url">The console URL, e.g. <c>tcp://127.0.0.1:10000</c>.</param>
public sealed record ConsoleInfo(string? Type, string? Url);
