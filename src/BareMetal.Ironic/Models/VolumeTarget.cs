using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>An Ironic volume target: a volume a node boots from (boot index 0) or attaches (1.32).</summary>
public sealed record VolumeTarget
{
    /// <summary><c>uuid</c>.</summary>
    public required VolumeTargetId Uuid { get; init; }
    /// <summary><c>node_uuid</c>.</summary>
    public NodeId? NodeUuid { get; init; }
    /// <summary><c>volume_type</c>: the connection's driver volume type (<c>iscsi</c>, <c>fibre_channel</c> …).</summary>
    public string? VolumeType { get; init; }
    /// <summary><c>boot_index</c>: 0 is the boot volume.</summary>
    public int? BootIndex { get; init; }
    /// <summary><c>volume_id</c>: the Cinder volume.</summary>
    public string? VolumeId { get; init; }
    /// <summary><c>properties</c>: the connection's data (target IQN, portal, LUN …).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }
    /// <summary><c>extra</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}
