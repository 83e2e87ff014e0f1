using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Tear an instance down and free its node.</summary>
public sealed record DestroyRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The node, when the caller knows it; otherwise the node holding the instance is looked up.</summary>
    public NodeId? Node { get; init; }

    /// <summary>
    /// The Cinder volumes of the instance (its block device mappings): their Ironic volume targets are removed once the
    /// node is torn down. Empty for an instance without volumes, which costs no call.
    /// </summary>
    public IReadOnlyList<string> VolumeIds { get; init; } = [];

    /// <summary>How long the tear-down may take; null takes <see cref="DriverOptions.UndeployTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
