using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Tear an instance down and free its node.</summary>
public sealed record DestroyRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The node, when the caller knows it; otherwise the node holding the instance is looked up.</summary>
    public NodeId? Node { get; init; }

    /// <summary>How long the tear-down may take; null takes <see cref="DriverOptions.UndeployTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}
