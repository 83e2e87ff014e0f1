using System.Net;

namespace BareMetal.Ironic.Fake.Api;

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
