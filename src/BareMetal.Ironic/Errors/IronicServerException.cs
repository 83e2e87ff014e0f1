using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// 500: an unexpected conductor error (or, in Ironic 21.4, an unknown field in fields=). Not retried: surfaced with its
/// request id.
/// </summary>
public sealed class IronicServerException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicServerException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.InternalServerError, ironicMessage, nodeId, requestId) { }
}
