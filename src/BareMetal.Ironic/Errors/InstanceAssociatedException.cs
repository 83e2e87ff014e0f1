using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>409 InstanceAssociated: the instance is already associated with another node. Never retried.</summary>
public sealed class InstanceAssociatedException : IronicConflictException
{
    /// <summary>Creates the exception.</summary>
    public InstanceAssociatedException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
