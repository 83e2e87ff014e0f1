using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Ask for the connector a volume service needs to export volumes to the instance's node.</summary>
public sealed record VolumeConnectorRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }
    /// <summary>The instance's host name, the connector's <c>host</c> when the node has no IP connector.</summary>
    public required string Hostname { get; init; }
    /// <summary>The instance's VIFs: the IP of a <c>mac</c> connector is the fixed IP of the VIF on that MAC's port.</summary>
    public IReadOnlyList<InstanceVif> Vifs { get; init; } = [];
}
