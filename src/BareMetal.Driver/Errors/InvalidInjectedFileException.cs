namespace BareMetal.Driver.Errors;

/// <summary>An injected file path a guest must not get: relative, traversing, with NUL or control characters, or too long.</summary>
public sealed class InvalidInjectedFileException(string path, string reason)
    : ConfigDriveException($"Injected file '{Sanitize(path)}' is refused: {reason}.")
{
    /// <summary>The refused path (control characters shown as '?').</summary>
    public string InjectedPath { get; } = Sanitize(path);

    private static string Sanitize(string path) => new([.. path.Take(300).Select(c => char.IsControl(c) ? '?' : c)]);
}
