using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>An Ironic volume connector: one initiator of a node (1.32).</summary>
public sealed record VolumeConnector
{
    /// <summary><c>uuid</c>.</summary>
    public required VolumeConnectorId Uuid { get; init; }
    /// <summary><c>node_uuid</c>.</summary>
    public NodeId? NodeUuid { get; init; }
    /// <summary><c>type</c>: <c>iqn</c>, <c>ip</c>, <c>mac</c>, <c>wwnn</c>, <c>wwpn</c>, <c>port</c> or <c>portgroup</c>.</summary>
    public string? Type { get; init; }
    /// <summary><c>connector_id</c>: the initiator's identity of that type.</summary>
    public string? ConnectorId { get; init; }
    /// <summary><c>extra</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}
