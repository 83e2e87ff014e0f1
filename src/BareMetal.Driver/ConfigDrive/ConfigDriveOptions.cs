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

/// <summary>The forms a config drive can take on its way to Ironic.</summary>
public enum ConfigDriveFormat
{
    /// <summary>
    /// JSON when the server has API 1.56 (1.59 with vendor data) and the drive has no injected files and text user
    /// data; otherwise ISO.
    /// </summary>
    Auto,
    /// <summary>Our own ISO 9660 image, gzip + base64: works with every Ironic and carries everything.</summary>
    Iso,
    /// <summary>The JSON object of API 1.56+, from which Ironic builds the ISO itself.</summary>
    Json,
}

/// <summary>The encodings of a written image.</summary>
public enum ConfigDriveEncoding
{
    /// <summary>The raw ISO 9660 image.</summary>
    Iso,
    /// <summary>gzip, then base64 on one line: what Ironic's <c>configdrive</c> field takes.</summary>
    GzipBase64,
}
