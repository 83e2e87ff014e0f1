using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>Ironic's console URL is not a plain tcp://host:port endpoint; it was refused whole.</summary>
public sealed class ConsoleUrlRejectedException(string reason, NodeId? node)
    : BareMetalException($"Console URL refused: {reason}.", node);
