using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake;

/// <summary>One request the fake received.</summary>
/// <param name="Sequence">Its number, from 1.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query as sent.</param>
/// <param name="Route">The route template (see <see cref="FakeRoutes"/>), or <c>unknown</c>.</param>
/// <param name="Node">The node it named, if it exists.</param>
/// <param name="Status">The status answered; 0 when the connection was dropped before an answer.</param>
/// <param name="Body">The request body as text, or null.</param>
/// <param name="Fault">The fault injected into it, if any.</param>
/// <param name="At">When it arrived, on the fake's clock.</param>
public sealed record FakeRequestRecord(long Sequence, string Method, string PathAndQuery, string Route, NodeId? Node, int Status,
    string? Body,
    Faults.FakeFaultKind? Fault, DateTimeOffset At);
