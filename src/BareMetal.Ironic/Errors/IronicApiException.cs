using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// Ironic answered with an error status. Carries facts, never payloads: the status, Ironic's request id (what an
/// operator greps the conductor log for), the node, and Ironic's message, redacted and cut to a sane length.
/// Specific subtypes exist where a caller acts differently.
/// </summary>
public class IronicApiException : BareMetalException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status Ironic answered.</param>
    /// <param name="ironicMessage">Ironic's own message (faultstring), already redacted.</param>
    /// <param name="nodeId">The node the call was about.</param>
    /// <param name="requestId">Ironic's <c>Openstack-Request-Id</c>.</param>
    public IronicApiException(HttpStatusCode statusCode, string ironicMessage, NodeId? nodeId, string? requestId)
        : base(Describe(statusCode, ironicMessage, nodeId, requestId), nodeId)
    {
        StatusCode = statusCode;
        IronicMessage = ironicMessage;
        RequestId = requestId;
    }

    /// <summary>The HTTP status Ironic answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Ironic's own message (the faultstring), redacted and truncated.</summary>
    public string IronicMessage { get; }

    /// <summary>Ironic's <c>Openstack-Request-Id</c>, if it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>How long Ironic asked us to wait before retrying (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; internal set; }

    private static string Describe(HttpStatusCode status, string message, NodeId? nodeId, string? requestId)
    {
        string node = nodeId is null ? string.Empty : $" for node {nodeId}";
        string request = requestId is null ? string.Empty : $" (request {requestId})";
        return $"Ironic answered {(int)status} {status}{node}{request}: {message}";
    }
}
