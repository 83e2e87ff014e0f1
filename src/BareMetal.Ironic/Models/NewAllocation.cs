namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>POST /v1/allocations</c>: Ironic picks an available node of the class with all the traits.</summary>
/// <param name="ResourceClass">The node's resource class.</param>
public sealed record NewAllocation(string ResourceClass)
{
    /// <summary>Traits the node must have.</summary>
    public IReadOnlyList<string>? Traits { get; init; }
    /// <summary>Node UUIDs (or names) the node must be one of.</summary>
    public IReadOnlyList<string>? CandidateNodes { get; init; }
    /// <summary>A name for the allocation (Ironic's name rules).</summary>
    public string? Name { get; init; }
}
