using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake.Faults;

/// <summary>What goes wrong with a request a fault rule picks.</summary>
public enum FakeFaultKind
{
    /// <summary>The answer comes <see cref="FakeFault.Latency"/> later, on the fake's clock; the request is processed normally.</summary>
    Latency,
    /// <summary>503 with Ironic's "No free conductor workers" body; nothing is done.</summary>
    ServiceUnavailable,
    /// <summary>409 NodeLocked, as when another conductor task holds the node; nothing is done.</summary>
    NodeLocked,
    /// <summary>
    /// The connection fails before the request arrives (connection refused in-process, reset on Kestrel); nothing is
    /// done.
    /// </summary>
    DropRequest,
    /// <summary>The request is processed, then the connection drops before any answer: the caller cannot know it took effect.</summary>
    DropResponse,
    /// <summary>The request is processed and answered with its status, but the body is not JSON.</summary>
    MalformedBody,
    /// <summary>The request is processed and the answer starts, but the connection drops halfway through the body.</summary>
    TruncatedBody,
}

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
    public static FakeFault Once(FakeFaultKind kind, string? route = null, NodeId? node = null) => new(kind) { Route = route, Node = node, Times = 1 };
}

/// <summary>One fault that hit a request, for assertions.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Route">The route template of the request.</param>
/// <param name="Node">The node the request named, if any.</param>
/// <param name="Sequence">The request's number in the fake's request log.</param>
public sealed record FakeInjectedFault(FakeFaultKind Kind, string Route, NodeId? Node, long Sequence);
