using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// The one place an Ironic error status becomes an exception. The status picks the family; for 400, 404 and 409 only
/// the message text tells Ironic's exceptions apart (faultcode does not), so the patterns below are Ironic's own wording.
/// </summary>
internal static class IronicErrorMapper
{
    public static BareMetalException Create(HttpStatusCode status, string message, NodeId? nodeId, string? requestId, TimeSpan? retryAfter)
    {
        IronicApiException error = status switch
        {
            HttpStatusCode.BadRequest => BadRequest(message, nodeId, requestId),
            HttpStatusCode.Unauthorized => new IronicAuthenticationException(message, nodeId, requestId),
            HttpStatusCode.Forbidden => new IronicForbiddenException(message, nodeId, requestId),
            HttpStatusCode.NotFound => NotFound(message, nodeId, requestId),
            HttpStatusCode.Conflict => Conflict(message, nodeId, requestId),
            HttpStatusCode.InternalServerError => new IronicServerException(message, nodeId, requestId),
            HttpStatusCode.ServiceUnavailable => new IronicUnavailableException(message, nodeId, requestId),
            _ => new IronicApiException(status, message, nodeId, requestId),
        };
        error.RetryAfter = retryAfter;
        return error;
    }

    private static bool Says(string message, string phrase) => message.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    private static bool IsNoConductor(string message) =>
        Says(message, "No valid host was found") || Says(message, "No conductor service registered");

    private static IronicApiException BadRequest(string message, NodeId? nodeId, string? requestId) => message switch
    {
        _ when IsNoConductor(message) => new NoConductorException(HttpStatusCode.BadRequest, message, nodeId, requestId),
        // "The requested action "deleted" can not be performed on node "N" while it is in state "available"."
        _ when Says(message, "can not be performed on node") => new InvalidStateTransitionException(message, nodeId, requestId),
        // "Unable to detach VIF V from node N because it is not attached to it."
        _ when Says(message, "Unable to detach VIF") || Says(message, "is not attached") =>
            new VifNotAttachedException(message, nodeId, requestId),
        // "Unable to attach VIF V, not enough free physical ports."
        _ when Says(message, "not enough free") || Says(message, "No free") => new NoFreePortException(message, nodeId, requestId),
        _ => new IronicBadRequestException(message, nodeId, requestId),
    };

    private static IronicApiException NotFound(string message, NodeId? nodeId, string? requestId) => message switch
    {
        _ when IsNoConductor(message) => new NoConductorException(HttpStatusCode.NotFound, message, nodeId, requestId),
        // "Node N could not be found."
        _ when Says(message, "could not be found") && message.StartsWith("Node ", StringComparison.Ordinal) =>
            new NodeNotFoundException(message, nodeId, requestId),
        _ => new IronicNotFoundException(message, nodeId, requestId),
    };

    private static IronicConflictException Conflict(string message, NodeId? nodeId, string? requestId) => message switch
    {
        // "Node N is locked by host H, please retry after the current operation is completed."
        _ when Says(message, "is locked by host") => new NodeLockedException(message, nodeId, requestId),
        // "Instance I is already associated with a node, it cannot be associated with this other node N"
        _ when Says(message, "is already associated with a node") => new InstanceAssociatedException(message, nodeId, requestId),
        // "Node N is associated with instance I."
        _ when Says(message, "is associated with instance") => new NodeAssociatedException(message, nodeId, requestId),
        // "Unable to attach VIF because VIF V is already attached to Ironic Port P"
        _ when Says(message, "already attached") => new VifAlreadyAttachedException(message, nodeId, requestId),
        // "Node N can not be updated while a state transition is in progress."
        _ when Says(message, "state transition is in progress") => new NodeTransitionInProgressException(message, nodeId, requestId),
        _ => new IronicConflictException(message, nodeId, requestId),
    };
}
