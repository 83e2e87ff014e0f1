namespace BareMetal.Driver.Errors;

/// <summary>User data larger than Nova's limit (65,535 base64 characters, 49,149 bytes).</summary>
public sealed class UserDataTooLargeException(int bytes, int limit)
    : ConfigDriveException($"user_data is {bytes} bytes; the limit is {limit} bytes (65,535 base64 characters, as Nova's API).")
{
    /// <summary>The size given.</summary>
    public int Bytes { get; } = bytes;
}
