using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake.Faults;

/// <summary>One fault that hit a request, for assertions.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Route">The route template of the request.</param>
/// <param name="Node">The node the request named, if any.</param>
/// <param name="Sequence">The request's number in the fake's request log.</param>
public sealed record FakeInjectedFault(FakeFaultKind Kind, string Route, NodeId? Node, long Sequence);
