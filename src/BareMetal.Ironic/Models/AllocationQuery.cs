using System.Globalization;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>Filters for <c>GET /v1/allocations</c>.</summary>
public sealed record AllocationQuery
{
    /// <summary>Only the allocation of this node.</summary>
    public NodeId? Node { get; init; }
    /// <summary>Only allocations of this resource class.</summary>
    public string? ResourceClass { get; init; }
    /// <summary>Only allocations in this state (<c>allocating</c>, <c>active</c>, <c>error</c>).</summary>
    public string? State { get; init; }

    internal Dictionary<string, string> ToQuery(int limit, AllocationId? marker)
    {
        var query = new Dictionary<string, string>
        {
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture), ["sort_key"] = "id", ["sort_dir"] = "asc",
        };
        if (Node is not null) { query["node"] = Node.ToString(); }
        if (ResourceClass is not null) { query["resource_class"] = ResourceClass; }
        if (State is not null) { query["state"] = State; }
        if (marker is not null) { query["marker"] = marker.ToString(); }
        return query;
    }
}
