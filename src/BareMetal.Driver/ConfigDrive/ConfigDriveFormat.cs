namespace BareMetal.Driver.ConfigDrive;

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
