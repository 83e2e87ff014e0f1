using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>400: Ironic refused the request as invalid. Never retried.</summary>
public class IronicBadRequestException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicBadRequestException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.BadRequest, ironicMessage, nodeId, requestId) { }
}
