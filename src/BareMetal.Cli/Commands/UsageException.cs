namespace BareMetal.Cli.Commands;

/// <summary>Bad usage or invalid input: exit 2, nothing changed.</summary>
internal sealed class UsageException(string message) : Exception(message);
