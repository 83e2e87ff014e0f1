namespace BareMetal.Driver.Resources;

/// <summary>One placement inventory record: a whole node as one unit of its custom resource class.</summary>
/// <param name="ResourceClass">E.g. <c>CUSTOM_BAREMETAL_GOLD</c>.</param>
/// <param name="Total">Always 1.</param>
/// <param name="Reserved">1 while the node is unavailable, used or not yet seen free; else 0.</param>
public sealed record ProviderInventory(string ResourceClass, int Total, int Reserved)
{
    /// <summary>1: a node is taken whole.</summary>
    public int MinUnit { get; init; } = 1;

    /// <summary>1: a node is taken whole.</summary>
    public int MaxUnit { get; init; } = 1;

    /// <summary>1.</summary>
    public int StepSize { get; init; } = 1;

    /// <summary>1.0: a node is never overcommitted.</summary>
    public double AllocationRatio { get; init; } = 1.0;
}
