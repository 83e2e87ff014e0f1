using System.Net.Http.Headers;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Transport;

/// <summary>What the client reads from Ironic's response headers.</summary>
internal static class IronicResponses
{
    /// <summary>Ironic's request id, for errors and logs.</summary>
    public static string? RequestIdOf(HttpResponseMessage response) => RequestIdOf(response.Headers);

    /// <summary>Ironic's request id, for errors and logs.</summary>
    public static string? RequestIdOf(HttpResponseHeaders? headers) =>
        headers is not null && (headers.TryGetValues("Openstack-Request-Id", out IEnumerable<string>? ids)
            || headers.TryGetValues("X-Openstack-Request-Id", out ids))
            ? ids.FirstOrDefault()
            : null;

    /// <summary>A microversion header (e.g. the maximum a 406 names).</summary>
    public static ApiVersion? VersionOf(HttpResponseHeaders? headers, string header) =>
        headers is not null && headers.TryGetValues(header, out IEnumerable<string>? values)
            && ApiVersion.TryParse(values.FirstOrDefault(), out ApiVersion v)
            ? v
            : null;

    /// <summary>How long <c>Retry-After</c> asks to wait, from now on <paramref name="time"/>.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseHeaders? headers, TimeProvider time) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };
}
