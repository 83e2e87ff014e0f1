namespace BareMetal.Ironic.Models;

/// <summary>Ironic's console connection info.</summary>
/// <param name="Type">The console type: <c>socat</c>, <c>shellinabox</c>, <c>vnc</c>…</param>
/// <param name="Url">The console URL, e.g. <c>tcp://127.0.0.1:10000</c>.</param>
public sealed record ConsoleInfo(string? Type, string? Url);
