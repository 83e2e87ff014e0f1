using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>400: the VIF is not attached to the node. A detach that meets it has nothing left to do.</summary>
public sealed class VifNotAttachedException : IronicBadRequestException
{
    /// <summary>Creates the exception.</summary>
    public VifNotAttachedException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
