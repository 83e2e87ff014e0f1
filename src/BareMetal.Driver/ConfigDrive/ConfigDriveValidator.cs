using BareMetal.Driver.Errors;
using System.Text;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>Checks a config drive request before anything is built: sizes, counts and injected paths.</summary>
internal static class ConfigDriveValidator
{
    public static void Validate(ConfigDriveContent content, ConfigDriveOptions options)
    {
        if (content.UserData?.Reveal() is { } userData && userData.Length > ConfigDriveBuilder.MaxUserDataBytes)
        {
            throw new UserDataTooLargeException(userData.Length, ConfigDriveBuilder.MaxUserDataBytes);
        }
        if (content.Files.Count > options.MaxInjectedFiles)
        {
            throw new ConfigDriveTooLargeException($"{content.Files.Count} injected files; the limit is {options.MaxInjectedFiles}.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (InjectedFile file in content.Files)
        {
            CheckPath(file.Path, options.MaxInjectedPathBytes);
            if (!seen.Add(file.Path))
            {
                throw new InvalidInjectedFileException(file.Path, "it is given twice");
            }
        }
    }

    private static void CheckPath(string path, int maxBytes)
    {
        string? reason = path switch
        {
            "" => "it is empty",
            _ when path.Contains('\0', StringComparison.Ordinal) => "it contains NUL",
            _ when path.Any(char.IsControl) => "it contains a control character",
            _ when Encoding.UTF8.GetByteCount(path) > maxBytes => $"it is longer than {maxBytes} bytes",
            _ when !path.StartsWith('/') => "it is not absolute",
            _ when path.EndsWith('/') => "it names a directory",
            _ when path.Split('/')[1..].Any(s => s is "" or "." or "..") => "it has an empty, '.' or '..' component",
            _ when path.Contains('\\', StringComparison.Ordinal) => "it contains a backslash",
            _ => null,
        };
        if (reason is not null)
        {
            throw new InvalidInjectedFileException(path, reason);
        }
    }
}
