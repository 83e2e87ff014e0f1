using System.Net;

namespace BareMetal.Ironic.Errors;

/// <summary>Keystone refused to issue a token, or its answer had no token or no usable <c>baremetal</c> endpoint.</summary>
public sealed class KeystoneAuthenticationException : BareMetalException
{
    /// <summary>Creates the exception.</summary>
    public KeystoneAuthenticationException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, nodeId: null, innerException) => StatusCode = statusCode;

    /// <summary>Keystone's HTTP status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Keystone being down or overloaded may pass; wrong credentials will not.</summary>
    public override bool IsTransient =>
        StatusCode is null or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
}
