namespace BareMetal.Cli.Commands;

/// <summary>Where a command writes, and whether its output is a terminal (progress is drawn only then).</summary>
/// <param name="Output">Results.</param>
/// <param name="Error">Errors, progress lines and logs.</param>
/// <param name="IsTerminal">True when stdout is a terminal.</param>
internal sealed record CliIo(TextWriter Output, TextWriter Error, bool IsTerminal);
