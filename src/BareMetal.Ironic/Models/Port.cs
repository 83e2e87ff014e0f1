using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>An Ironic port: one physical NIC of a node.</summary>
public sealed record Port
{
    /// <summary><c>uuid</c>.</summary>
    public required PortId Uuid { get; init; }
    /// <summary><c>address</c>: the MAC address.</summary>
    public string? Address { get; init; }
    /// <summary><c>node_uuid</c>.</summary>
    public NodeId? NodeUuid { get; init; }
    /// <summary><c>portgroup_uuid</c> (1.24): the bond this port belongs to.</summary>
    public PortgroupId? PortgroupUuid { get; init; }
    /// <summary><c>pxe_enabled</c>.</summary>
    public bool? PxeEnabled { get; init; }
    /// <summary><c>physical_network</c>.</summary>
    public string? PhysicalNetwork { get; init; }
    /// <summary><c>internal_info</c>; <c>tenant_vif_port_id</c> holds the attached VIF.</summary>
    public IReadOnlyDictionary<string, JsonElement>? InternalInfo { get; init; }
    /// <summary><c>extra</c>; <c>vif_port_id</c> is the legacy place of the VIF.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
    /// <summary><c>local_link_connection</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? LocalLinkConnection { get; init; }
}
