namespace BareMetal.Driver.Console;

/// <summary>The serial console of an instance's node, and whether getting it reset a session.</summary>
/// <param name="Endpoint">Where to connect.</param>
/// <param name="WasReset">True when the console was disabled and enabled again: anyone connected was dropped.</param>
public sealed record SerialConsole(ConsoleEndpoint Endpoint, bool WasReset);
