using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>An Ironic portgroup: a bond of a node's ports.</summary>
public sealed record Portgroup
{
    /// <summary><c>uuid</c>.</summary>
    public required PortgroupId Uuid { get; init; }
    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }
    /// <summary><c>address</c>: the bond's MAC address, if set.</summary>
    public string? Address { get; init; }
    /// <summary><c>node_uuid</c>.</summary>
    public NodeId? NodeUuid { get; init; }
    /// <summary><c>mode</c> (1.26): the bond mode, e.g. <c>802.3ad</c>.</summary>
    public string? Mode { get; init; }
    /// <summary><c>properties</c> (1.26): bond properties such as <c>miimon</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }
    /// <summary><c>internal_info</c>; <c>tenant_vif_port_id</c> holds the attached VIF.</summary>
    public IReadOnlyDictionary<string, JsonElement>? InternalInfo { get; init; }
    /// <summary><c>extra</c>; <c>vif_port_id</c> is the legacy place of the VIF.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}
