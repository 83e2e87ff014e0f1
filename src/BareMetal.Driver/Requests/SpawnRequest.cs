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

    /// <summary>The image: a Glance UUID or an http(s) URL without credentials.</summary>
    public required string ImageSource { get; init; }

    /// <summary>The instance's display name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The flavor's sizes.</summary>
    public Flavor Flavor { get; init; } = new();

    /// <summary>Traits the node must have (written to instance_info; Ironic refuses the deploy otherwise).</summary>
    public IReadOnlyList<string> RequiredTraits { get; init; } = [];

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
