using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake.Faults;

/// <summary>
/// A fault rule: which requests it may hit (<see cref="Route"/>, <see cref="Node"/>), how often (<see cref="Probability"/>,
/// <see cref="Times"/>) and what happens. Whether a given request is hit depends only on the seed, the rule, the route,
/// the node and how many matching requests came before it, so a run repeats exactly with the same seed.
/// </summary>
/// <param name="Kind">What happens to a request the rule hits.</param>
public sealed record FakeFault(FakeFaultKind Kind)
{
    /// <summary>The route template, e.g. <see cref="FakeRoutes.SetProvisionState"/>; null matches every route.</summary>
    public string? Route { get; init; }

    /// <summary>Only requests naming this node; null matches any request.</summary>
    public NodeId? Node { get; init; }

    /// <summary>The chance that a matching request is hit, from 0 to 1. The default is 1.</summary>
    public double Probability { get; init; } = 1.0;

    /// <summary>How many requests the rule hits at most; null (the default) is unlimited.</summary>
    public int? Times { get; init; }

    /// <summary>The added delay of a <see cref="FakeFaultKind.Latency"/> fault.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>One fault on the next matching request.</summary>
    public static FakeFault Once(FakeFaultKind kind, string? route = null, NodeId? node = null) =>
        new(kind) { Route = route, Node = node, Times = 1 };
}
