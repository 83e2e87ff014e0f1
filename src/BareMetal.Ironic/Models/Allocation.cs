using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>An Ironic allocation: a request for a node by resource class and traits, filled by Ironic (1.52).</summary>
public sealed record Allocation
{
    /// <summary><c>uuid</c>.</summary>
    public required AllocationId Uuid { get; init; }
    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }
    /// <summary><c>state</c>: <c>allocating</c>, then <c>active</c> (a node was picked) or <c>error</c>.</summary>
    public string? State { get; init; }
    /// <summary><c>node_uuid</c>: the node Ironic picked, once active.</summary>
    public NodeId? NodeUuid { get; init; }
    /// <summary><c>last_error</c>: why no node was picked.</summary>
    public string? LastError { get; init; }
    /// <summary><c>resource_class</c>.</summary>
    public string? ResourceClass { get; init; }
    /// <summary><c>traits</c> the node had to have.</summary>
    public IReadOnlyList<string>? Traits { get; init; }
    /// <summary><c>candidate_nodes</c> the node had to be one of.</summary>
    public IReadOnlyList<string>? CandidateNodes { get; init; }
    /// <summary><c>extra</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>True once Ironic picked a node.</summary>
    public bool IsActive => State == "active";

    /// <summary>True once Ironic gave up.</summary>
    public bool IsFailed => State == "error";
}
