using System.Net;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// 404: the resource does not exist (an unknown path, port, VIF target or trait). See
/// <see cref="NodeNotFoundException"/> for nodes.
/// </summary>
public class IronicNotFoundException : IronicApiException
{
    /// <summary>Creates the exception.</summary>
    public IronicNotFoundException(string ironicMessage, NodeId? nodeId, string? requestId)
        : base(HttpStatusCode.NotFound, ironicMessage, nodeId, requestId) { }
}
