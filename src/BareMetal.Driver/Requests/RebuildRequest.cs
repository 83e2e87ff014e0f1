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

    /// <summary>What the image says that Ironic reads (checksum, kernel and ramdisk, required traits).</summary>
    public ImageDetails? Image { get; init; }

    /// <summary>The instance's display name, written again.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The flavor's sizes, written again.</summary>
    public Flavor Flavor { get; init; } = new();

    /// <summary>The flavor's required traits, merged with the image's as for a spawn.</summary>
    public IReadOnlyList<string> RequiredTraits { get; init; } = [];

    /// <summary>The flavor's <c>capabilities:*</c>, written again.</summary>
    public InstanceCapabilities? Capabilities { get; init; }

    /// <summary>Who owns the instance, written again.</summary>
    public InstanceOwner? Owner { get; init; }

    /// <summary>The instance's VIFs, for the fixed IPs written with the owner data.</summary>
    public IReadOnlyList<InstanceVif> Vifs { get; init; } = [];

    /// <summary>
    /// Set when the caller asks to reimage a boot volume (Nova's <c>reimage_boot_volume</c>): refused, as Ironic cannot
    /// rebuild a volume-booted instance.
    /// </summary>
    public bool ReimageBootVolume { get; init; }

    /// <summary>How long the rebuild may take; null takes <see cref="DriverOptions.DeployTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
