using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>A config drive request that cannot be built as given; nothing was written.</summary>
public class ConfigDriveException(string message) : BareMetalException(message, nodeId: null);

/// <summary>User data larger than Nova's limit (65,535 base64 characters, 49,149 bytes).</summary>
public sealed class UserDataTooLargeException(int bytes, int limit)
    : ConfigDriveException($"user_data is {bytes} bytes; the limit is {limit} bytes (65,535 base64 characters, as Nova's API).")
{
    /// <summary>The size given.</summary>
    public int Bytes { get; } = bytes;
}

/// <summary>More injected files, or more bytes in all, than the configured limits allow.</summary>
public sealed class ConfigDriveTooLargeException(string message) : ConfigDriveException(message);

/// <summary>An injected file path a guest must not get: relative, traversing, with NUL or control characters, or too long.</summary>
public sealed class InvalidInjectedFileException(string path, string reason)
    : ConfigDriveException($"Injected file '{Sanitize(path)}' is refused: {reason}.")
{
    /// <summary>The refused path (control characters shown as '?').</summary>
    public string InjectedPath { get; } = Sanitize(path);

    private static string Sanitize(string path) => new([.. path.Take(300).Select(c => char.IsControl(c) ? '?' : c)]);
}
