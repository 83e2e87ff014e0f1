using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// "No valid host … No conductor service registered …": no conductor serves the node's driver or group (yet).
/// Ironic answers 400 on VIF and PATCH calls but 404 on state changes; neither means the node is gone.
/// Transient while conductors start, so retried within the normal bound.
/// </summary>
public sealed class NoConductorException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public NoConductorException(HttpStatusCode statusCode, string ironicMessage, NodeId? nodeId, string? requestId)
        : base(statusCode, ironicMessage, nodeId, requestId) { }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
