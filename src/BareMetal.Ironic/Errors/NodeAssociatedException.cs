using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>409 NodeAssociated: the node already belongs to another instance. Never retried: another instance won the node.</summary>
public sealed class NodeAssociatedException : IronicConflictException
{
    /// <summary>Creates the exception.</summary>
    public NodeAssociatedException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
