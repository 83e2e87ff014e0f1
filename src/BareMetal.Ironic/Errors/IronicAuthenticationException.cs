using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>401: the credentials were missing, wrong, expired or revoked (after one token refresh).</summary>
public sealed class IronicAuthenticationException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicAuthenticationException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.Unauthorized, ironicMessage, nodeId, requestId) { }
}
