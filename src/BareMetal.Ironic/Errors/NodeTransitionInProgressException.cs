using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// 409: the node cannot be updated while a state transition is in progress. Not a lock: wait for the transition to end
/// rather than retry.
/// </summary>
public sealed class NodeTransitionInProgressException : IronicConflictException
{
    /// <summary>Creates the exception.</summary>
    public NodeTransitionInProgressException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
