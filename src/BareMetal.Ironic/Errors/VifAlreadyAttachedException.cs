using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// 409 VifAlreadyAttached: the VIF is already attached to a port or portgroup of a node. Never retried; list the node's
/// VIFs to decide whether it is ours.
/// </summary>
public sealed class VifAlreadyAttachedException : IronicConflictException
{
    /// <summary>Creates the exception.</summary>
    public VifAlreadyAttachedException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
