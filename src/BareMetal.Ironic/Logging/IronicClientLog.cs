using Microsoft.Extensions.Logging;

namespace BareMetal.Ironic.Logging;

/// <summary>The client's log messages. EventIds 1000–1099 (client) and 1100–1149 (auth) are a contract: never renumber.</summary>
internal static partial class IronicClientLog
{
    [LoggerMessage(EventId = 1000, EventName = "IronicResponse", Level = LogLevel.Debug,
        Message = "{Method} {Url} answered {StatusCode} in {ElapsedMs} ms (request {RequestId})")]
    public static partial void Response(this ILogger logger, string method, string url, int statusCode, long elapsedMs, string? requestId);

    [LoggerMessage(EventId = 1001, EventName = "IronicError", Level = LogLevel.Debug,
        Message = "{Method} {Url} answered {StatusCode} (request {RequestId}): {IronicMessage}")]
    public static partial void ErrorResponse(this ILogger logger, string method, string url, int statusCode, string? requestId,
        string ironicMessage);

    [LoggerMessage(EventId = 1002, EventName = "IronicRetry", Level = LogLevel.Warning,
        Message = "Retrying {Method} {Route} in {DelayMs} ms (retry {Attempt}): {Reason}")]
    public static partial void Retrying(this ILogger logger, string method, string route, long delayMs, int attempt, string reason);

    [LoggerMessage(EventId = 1003, EventName = "IronicRequestBody", Level = LogLevel.Trace,
        Message = "{Method} {Url} request body: {Body}")]
    public static partial void RequestBody(this ILogger logger, string method, string url, string body);

    [LoggerMessage(EventId = 1004, EventName = "IronicResponseBody", Level = LogLevel.Trace,
        Message = "{Method} {Url} response body: {Body}")]
    public static partial void ResponseBody(this ILogger logger, string method, string url, string body);

    [LoggerMessage(EventId = 1005, EventName = "IronicVersionNegotiated", Level = LogLevel.Information,
        Message = "Ironic at {Endpoint} offers microversions {MinVersion} to {MaxVersion}; using {Version}")]
    public static partial void VersionNegotiated(this ILogger logger, string endpoint, string minVersion, string maxVersion,
        string version);

    [LoggerMessage(EventId = 1006, EventName = "IronicRenegotiating", Level = LogLevel.Warning,
        Message = "Ironic refused microversion {Version} with 406 on {Method} {Route}; discovering its versions again")]
    public static partial void Renegotiating(this ILogger logger, string version, string method, string route);

    [LoggerMessage(EventId = 1007, EventName = "IronicTransportFailure", Level = LogLevel.Debug,
        Message = "{Method} {Url} got no answer ({Reason}); may have been applied: {MayHaveBeenApplied}")]
    public static partial void TransportFailure(this ILogger logger, string method, string url, string reason, bool mayHaveBeenApplied);

    [LoggerMessage(EventId = 1008, EventName = "IronicWaitReadFailed", Level = LogLevel.Information,
        Message = "Reading {What} while waiting failed ({Error}); polling on")]
    public static partial void WaitReadFailed(this ILogger logger, string what, string error);

    [LoggerMessage(EventId = 1100, EventName = "KeystoneTokenIssued", Level = LogLevel.Debug,
        Message = "Keystone issued a token by {Method} valid until {ExpiresAt:O}")]
    public static partial void TokenIssued(this ILogger logger, string method, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1101, EventName = "KeystoneTokenRejected", Level = LogLevel.Warning,
        Message = "Ironic answered 401 to {Method} {Route}; fetching a new Keystone token and sending once more")]
    public static partial void TokenRejected(this ILogger logger, string method, string route);

    [LoggerMessage(EventId = 1102, EventName = "KeystoneCatalogEndpoint", Level = LogLevel.Information,
        Message = "Using the {ServiceType} endpoint {Endpoint} ({Interface}, region {Region}) from the Keystone catalog")]
    public static partial void CatalogEndpoint(this ILogger logger, string serviceType, string endpoint, string @interface, string? region);
}
