using System.Net;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>One HTTP request as the fake sees it, whichever host (in-process handler or Kestrel) received it.</summary>
internal sealed class FakeRequest
{
    public required string Method { get; init; }

    /// <summary>The path without the query, e.g. <c>/v1/nodes/abc/vifs</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query without <c>?</c>.</summary>
    public string Query { get; init; } = "";

    public required Func<string, string?> Header { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>Scheme, host and port the client used; links and <c>Location</c> point there.</summary>
    public required Uri PublicUrl { get; init; }

    public string PathAndQuery => Query.Length == 0 ? Path : $"{Path}?{Query}";
}

/// <summary>The fake's answer before a host writes it.</summary>
internal sealed class FakeResponse(HttpStatusCode status)
{
    public HttpStatusCode Status { get; set; } = status;
    public List<KeyValuePair<string, string>> Headers { get; } = [];
    public byte[]? Body { get; set; }

    public void AddHeader(string name, string value) => Headers.Add(new(name, value));
}

/// <summary>What a request resolved to: the route template (for fault rules and the request log) and the node it names.</summary>
internal readonly record struct FakeRoute(string Template, string? NodeIdent);

/// <summary>An error Ironic would answer with, raised wherever the fake finds it and written once by <see cref="FakeApi"/>.</summary>
internal sealed class IronicFaultException(HttpStatusCode status, string message, bool serverFault = false) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public bool ServerFault { get; } = serverFault;

    public static IronicFaultException BadRequest(string message) => new(HttpStatusCode.BadRequest, message);
    public static IronicFaultException Conflict(string message) => new(HttpStatusCode.Conflict, message);
    public static IronicFaultException NotFound(string message) => new(HttpStatusCode.NotFound, message);
    public static IronicFaultException NotAcceptable() => new(HttpStatusCode.NotAcceptable, "Request not acceptable.");
    public static IronicFaultException NodeNotFound(string ident) => NotFound($"Node {ident} could not be found.");

    public static IronicFaultException NodeLocked(Guid node, string host) =>
        Conflict($"Node {node} is locked by host {host}, please retry after the current operation is completed.");

    public static IronicFaultException InvalidState(string action, string node, string? state) =>
        BadRequest($"The requested action \"{action}\" can not be performed on node \"{node}\" while it is in state \"{state}\".");
}

/// <summary>The microversion a request negotiated, with helpers for Ironic's version gates.</summary>
internal readonly record struct RequestVersion(ApiVersion Value)
{
    public bool AtLeast(int minor) => Value.Minor >= minor;

    public void Require(int minor)
    {
        if (!AtLeast(minor))
        {
            throw IronicFaultException.NotAcceptable();
        }
    }
}
