using System.Diagnostics;
using System.Text.Json;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Driver.Tests.ConfigDrive.Support;

/// <summary>
/// Runs <c>eng/configdrive/check-configdrive</c>: cloud-init's own reader over a drive, as a booting node
/// reads it. Tests using it are skipped, saying so, when its tools are not installed, unless
/// <c>CONFIGDRIVE_CHECK_REQUIRED=1</c> (CI) makes a missing tool a failure.
/// </summary>
internal static class ConfigDriveChecker
{
    public static string Tool => RepositoryFiles.Eng("configdrive", "check-configdrive");

    /// <summary>Why the checker cannot run here, or null when it can.</summary>
    public static string? Missing { get; } = FindMissing();

    private static string? FindMissing()
    {
        string[] needed = [Tool, "/usr/bin/python3", "/usr/bin/xorriso", "/usr/bin/isoinfo", "/usr/lib/python3/dist-packages/cloudinit"];
        string? absent = needed.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        return absent is null ? null : $"{absent} is missing: run eng/configdrive/install.sh (as root) to validate drives with cloud-init's reader.";
    }

    public static async Task<CheckResult> CheckAsync(byte[] drive, object? expect = null)
    {
        string dir = Directory.CreateTempSubdirectory("bm-configdrive-").FullName;
        try
        {
            string drivePath = Path.Combine(dir, "drive");
            await File.WriteAllBytesAsync(drivePath, drive);
            var start = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (expect is not null)
            {
                string expectPath = Path.Combine(dir, "expect.json");
                await File.WriteAllTextAsync(expectPath, JsonSerializer.Serialize(expect));
                start.ArgumentList.Add("--expect-json");
                start.ArgumentList.Add(expectPath);
            }
            start.ArgumentList.Add(drivePath);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new CheckResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

internal sealed record CheckResult(int ExitCode, string Output, string Error)
{
    public JsonElement Report => JsonDocument.Parse(Output).RootElement;

    public override string ToString() => $"exit {ExitCode}: {Error.Trim()}";
}

/// <summary>A test that needs check-configdrive: skipped with the reason when its tools are absent, unless CI requires them.</summary>
public sealed class ConfigDriveCheckFactAttribute : FactAttribute
{
    public ConfigDriveCheckFactAttribute()
    {
        if (ConfigDriveChecker.Missing is { } reason && Environment.GetEnvironmentVariable("CONFIGDRIVE_CHECK_REQUIRED") != "1") { Skip = reason; }
    }
}
