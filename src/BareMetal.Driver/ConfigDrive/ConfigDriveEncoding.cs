namespace BareMetal.Driver.ConfigDrive;

/// <summary>The encodings of a written image.</summary>
public enum ConfigDriveEncoding
{
    /// <summary>The raw ISO 9660 image.</summary>
    Iso,
    /// <summary>gzip, then base64 on one line: what Ironic's <c>configdrive</c> field takes.</summary>
    GzipBase64,
}
