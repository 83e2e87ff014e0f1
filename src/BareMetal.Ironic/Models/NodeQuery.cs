using System.Globalization;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>
/// Filters and projection for <c>GET /v1/nodes</c>. The client re-sends every filter on every page (Ironic's
/// <c>next</c> link drops most of them).
/// </summary>
public sealed record NodeQuery
{
    /// <summary>Fields to return (<see cref="NodeFields"/>); null returns Ironic's short default set.</summary>
    public IReadOnlyList<string>? Fields { get; init; }
    /// <summary>Page size; null uses the client's configured page size. Must be positive.</summary>
    public int? Limit { get; init; }
    /// <summary>Only the node of this instance (at most one).</summary>
    public InstanceId? InstanceUuid { get; init; }
    /// <summary>Only nodes with (true) or without (false) an instance.</summary>
    public bool? Associated { get; init; }
    /// <summary>Only nodes in (true) or out of (false) maintenance.</summary>
    public bool? Maintenance { get; init; }
    /// <summary>Only nodes in this provision state (API 1.9).</summary>
    public ProvisionState? ProvisionState { get; init; }
    /// <summary>Only nodes of this resource class (API 1.21).</summary>
    public string? ResourceClass { get; init; }
    /// <summary>Only nodes of this conductor group; <c>""</c> is the default group (API 1.46).</summary>
    public string? ConductorGroup { get; init; }
    /// <summary>Only nodes in these shards (API 1.82).</summary>
    public IReadOnlyList<string>? Shards { get; init; }
    /// <summary>Only nodes with this fault (API 1.42).</summary>
    public string? Fault { get; init; }
    /// <summary>Only nodes of this hardware type.</summary>
    public string? Driver { get; init; }

    /// <summary>The query of one page: our filters, the limit, and the marker of the previous page.</summary>
    internal Dictionary<string, string> ToQuery(int limit, NodeId? marker)
    {
        var query = new Dictionary<string, string> { ["sort_key"] = "id", ["sort_dir"] = "asc" };
        if (Fields is { Count: > 0 }) { query["fields"] = string.Join(',', Fields); }
        query["limit"] = limit.ToString(CultureInfo.InvariantCulture);
        if (InstanceUuid is not null) { query["instance_uuid"] = InstanceUuid.ToString(); }
        if (Associated is { } associated) { query["associated"] = associated ? "True" : "False"; }
        if (Maintenance is { } maintenance) { query["maintenance"] = maintenance ? "True" : "False"; }
        if (ProvisionState is { } state) { query["provision_state"] = state.Value; }
        if (ResourceClass is not null) { query["resource_class"] = ResourceClass; }
        if (ConductorGroup is not null) { query["conductor_group"] = ConductorGroup; }
        if (Shards is { Count: > 0 }) { query["shard"] = string.Join(',', Shards); }
        if (Fault is not null) { query["fault"] = Fault; }
        if (Driver is not null) { query["driver"] = Driver; }
        if (marker is not null) { query["marker"] = marker.ToString(); }
        return query;
    }
}
