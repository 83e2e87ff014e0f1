using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>503: no free conductor worker, a temporary failure, or an API or Keystone that is down. Retried (bounded).</summary>
public sealed class IronicUnavailableException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicUnavailableException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.ServiceUnavailable, ironicMessage, nodeId, requestId) { }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
