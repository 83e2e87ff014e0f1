using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>400 InvalidStateRequested: the requested verb cannot be performed from the node's current provision state.</summary>
public sealed class InvalidStateTransitionException : IronicBadRequestException
{
    /// <summary>Creates the exception.</summary>
    public InvalidStateTransitionException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
