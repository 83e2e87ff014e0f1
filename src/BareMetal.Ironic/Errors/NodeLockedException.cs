using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>409 NodeLocked: a conductor holds the node's lock. Ironic refused before acting, so the request is retried (bounded).</summary>
public sealed class NodeLockedException : IronicConflictException
{
    /// <summary>Creates the exception.</summary>
    public NodeLockedException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
