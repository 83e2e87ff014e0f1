using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Redeploy an instance's node with a (new) image, keeping the node and the instance.</summary>
public sealed record RebuildRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The image: a Glance UUID or an http(s) URL without credentials.</summary>
    public required string ImageSource { get; init; }

    /// <summary>Whether the ephemeral partition is kept.</summary>
    public bool PreserveEphemeral { get; init; }

    /// <summary>A new config drive, or null for none (API 1.35).</summary>
    public ConfigDriveContent? ConfigDrive { get; init; }
}
