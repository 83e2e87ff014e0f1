using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>403: the caller may not do this, or the node is protected (undeploy and rebuild are refused).</summary>
public sealed class IronicForbiddenException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicForbiddenException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.Forbidden, ironicMessage, nodeId, requestId) { }
}
