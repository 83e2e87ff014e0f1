using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>400: the node has no free physical port or portgroup for another VIF.</summary>
public sealed class NoFreePortException : IronicBadRequestException
{
    /// <summary>Creates the exception.</summary>
    public NoFreePortException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(ironicMessage, nodeId, requestId) { }
}
