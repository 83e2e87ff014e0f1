using System.IO.Compression;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>How config drives are built and how big they may get.</summary>
public sealed class ConfigDriveOptions
{
    /// <summary>
    /// ISO, Ironic's JSON form, or auto (JSON only where the server takes it and it can carry everything). The default
    /// is auto.
    /// </summary>
    public ConfigDriveFormat Format { get; set; } = ConfigDriveFormat.Auto;

    /// <summary>The most injected files. The default is 256.</summary>
    public int MaxInjectedFiles { get; set; } = 256;

    /// <summary>The largest uncompressed image in bytes. The default is 64 MiB, the limit IPA applies when it writes the drive.</summary>
    public long MaxImageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The longest injected file path in bytes. The default is 255, Nova's limit.</summary>
    public int MaxInjectedPathBytes { get; set; } = 255;

    /// <summary>The ISO publisher id. The default is <c>BareMetal.Driver</c>.</summary>
    public string Publisher { get; set; } = "BareMetal.Driver";

    /// <summary>gzip's effort. The default is <see cref="CompressionLevel.Optimal"/>.</summary>
    public CompressionLevel Compression { get; set; } = CompressionLevel.Optimal;
}
