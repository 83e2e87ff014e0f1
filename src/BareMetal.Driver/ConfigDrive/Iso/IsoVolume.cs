namespace BareMetal.Driver.ConfigDrive.Iso;

/// <summary>The volume-level facts of an image.</summary>
internal sealed record IsoVolume
{
    /// <summary>
    /// The volume id, written verbatim in the primary and the Joliet descriptor. The default is <c>config-2</c>, the label
    /// cloud-init matches exactly (a strict writer would turn the '-' into '_' and the drive would not be found).
    /// </summary>
    public string VolumeId { get; init; } = "config-2";

    /// <summary>The publisher id. The default is <c>BareMetal.Driver</c>.</summary>
    public string Publisher { get; init; } = "BareMetal.Driver";

    /// <summary>Every timestamp in the image: the same input and time give the same bytes.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
