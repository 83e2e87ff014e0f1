using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Deploy an instance to a node.</summary>
public sealed record SpawnRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The node the scheduler picked.</summary>
    public required NodeId Node { get; init; }

    /// <summary>
    /// The image: a Glance UUID or an http(s) URL without credentials. Required, except when the instance boots from a
    /// volume (<see cref="Volumes"/> has boot index 0): then no image is written.
    /// </summary>
    public string? ImageSource { get; init; }

    /// <summary>What the image says that Ironic reads (checksum, kernel and ramdisk, required traits).</summary>
    public ImageDetails? Image { get; init; }

    /// <summary>The instance's display name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The flavor's sizes.</summary>
    public Flavor Flavor { get; init; } = new();

    /// <summary>
    /// The flavor's required traits. Written to instance_info with the image's after them, each once; Ironic refuses
    /// the deploy unless the node has them all, and runs the deploy templates named by them.
    /// </summary>
    public IReadOnlyList<string> RequiredTraits { get; init; } = [];

    /// <summary>The flavor's <c>capabilities:*</c>: boot mode, secure boot, disk label.</summary>
    public InstanceCapabilities? Capabilities { get; init; }

    /// <summary>Who owns the instance, for Ironic-side auditing.</summary>
    public InstanceOwner? Owner { get; init; }

    /// <summary>
    /// The instance's Cinder volumes, created as Ironic volume targets before the deploy and removed on tear-down and
    /// after a failed spawn. Boot index 0 boots the node from that volume.
    /// </summary>
    public IReadOnlyList<InstanceVolume> Volumes { get; init; } = [];

    /// <summary>The instance's VIFs: attached before the deploy, and described in network_data.</summary>
    public IReadOnlyList<InstanceVif> Vifs { get; init; } = [];

    /// <summary>
    /// The config drive; null deploys without one. Its network_data is built from <see cref="Vifs"/> and the node's
    /// ports when not given.
    /// </summary>
    public ConfigDriveContent? ConfigDrive { get; init; }

    /// <summary>How long the deploy may take; null takes <see cref="DriverOptions.DeployTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
