using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>404 NodeNotFound: Ironic has no such node (deleted, or never existed).</summary>
public sealed class NodeNotFoundException : IronicNotFoundException
{
    /// <summary>Creates the exception.</summary>
    public NodeNotFoundException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
