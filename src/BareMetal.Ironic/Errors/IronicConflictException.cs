using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// 409 that is none of the specific conflicts (locked, associated, VIF attached, transition in progress), for
/// example a duplicate name. Never retried.
/// </summary>
public class IronicConflictException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicConflictException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.Conflict, ironicMessage, nodeId, requestId) { }
}
