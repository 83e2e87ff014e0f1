using System.Diagnostics;
using System.Globalization;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.Diagnostics;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BareMetal.Ironic.Transport;

/// <summary>
/// One HTTP attempt, inside the retry handler: its own deadline on the TimeProvider, the whole body buffered within the
/// cap (so nothing above it reads an unbounded stream), telemetry by route template, and redacted logs. A failure to get a
/// whole answer becomes the specific transport exception here, where the retry rules can see it.
/// </summary>
internal sealed class IronicAttemptHandler(
    IOptions<IronicClientOptions> options, IIronicCredentials credentials, TimeProvider time, ILogger<IronicClient> logger)
    : DelegatingHandler
{
    /// <summary>When the first attempt of a call started (a TimeProvider timestamp): the retry budget counts from it.</summary>
    internal static readonly HttpRequestOptionsKey<long> StartedAt = new("BareMetal.StartedAt");

    // Refit puts the route template of the interface method on each request it builds.
    private static readonly HttpRequestOptionsKey<string> RouteTemplate = new("Refit.RelativePathTemplate");

    private readonly IronicClientOptions _options = options.Value;

    /// <summary>The route template of a request (the attribute's, as in <see cref="Api.IronicRoutes"/>), else its path.</summary>
    internal static string RouteOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(RouteTemplate, out string? route) ? route : request.RequestUri?.AbsolutePath ?? "unknown";

    /// <summary>The node a request is about, from its path (<c>…/v1/nodes/{node_id}/…</c>).</summary>
    internal static NodeId? NodeOf(HttpRequestMessage request)
    {
        string[] segments = request.RequestUri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        int nodes = Array.IndexOf(segments, "nodes");
        return nodes >= 0 && nodes + 1 < segments.Length && NodeId.TryParse(segments[nodes + 1], out NodeId? id) ? id : null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = new Attempt(request.Method.Method, RouteOf(request), NodeOf(request), request.Method == HttpMethod.Get,
            SensitiveData.RedactUrl(request.RequestUri!), time.GetTimestamp());
        if (!request.Options.TryGetValue(StartedAt, out _)) { request.Options.Set(StartedAt, call.Started); }
        if (logger.IsEnabled(LogLevel.Trace) && request.Content is { } content)
        {
            byte[] body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            logger.RequestBody(call.Method, call.Url, Loggable(body, body));
        }

        using var deadline = new CancellationTokenSource(_options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using Activity? activity =
            IronicClientDiagnostics.ActivitySource.StartActivity($"Ironic {call.Method} {call.Route}", ActivityKind.Client);
        activity?.SetTag("http.request.method", call.Method);
        activity?.SetTag("url.template", call.Route);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            Record(call, "timeout");
            logger.TransportFailure(call.Method, call.Url, "timed out", !call.IsRead);
            throw new IronicTimeoutException($"Ironic did not answer {call.Method} {call.Route} within " +
                $"{_options.RequestTimeout.TotalSeconds:0.#} s.", call.Node, mayHaveBeenApplied: !call.IsRead, e);
        }
        catch (HttpRequestException e)
        {
            // A connection that was never made cannot have carried the request.
            bool notSent = e.HttpRequestError
                is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
            Record(call, "connection-error");
            logger.TransportFailure(call.Method, call.Url, e.HttpRequestError.ToString(), !call.IsRead && !notSent);
            throw new IronicConnectionException($"No answer from Ironic to {call.Method} {call.Route}: {e.HttpRequestError}.",
                call.Node, !call.IsRead && !notSent, e);
        }
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        bool handedOn = false;
        try
        {
            response.RequestMessage ??= request;
            bool TimedOut() => !cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested;
            HttpResponseMessage buffered = await BufferAsync(call, request, response, TimedOut, linked.Token).ConfigureAwait(false);
            handedOn = true;
            return buffered;
        }
        finally
        {
            // A response that is not handed on (its body failed) is ours to dispose.
            if (!handedOn) { response.Dispose(); }
        }
    }

    /// <summary>
    /// Buffers the whole body within the cap and the deadline, in the content itself, so that Refit reads it from memory
    /// and never from the wire: a body over the cap, announced or not, stops the read at the cap.
    /// </summary>
    private async Task<HttpResponseMessage> BufferAsync(Attempt call, HttpRequestMessage request, HttpResponseMessage response,
        Func<bool> timedOut, CancellationToken token)
    {
        string status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        bool applied = !call.IsRead && response.IsSuccessStatusCode;
        try
        {
            await response.Content.LoadIntoBufferAsync(_options.MaxResponseBytes, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timedOut())
        {
            Record(call, "timeout");
            throw new IronicTimeoutException($"Ironic's answer to {call.Method} {call.Route} did not arrive within " +
                $"{_options.RequestTimeout.TotalSeconds:0.#} s.", call.Node, applied, e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            Record(call, status);
            throw new IronicResponseFormatException($"Ironic's answer to {call.Method} {call.Route} is larger than " +
                $"{_options.MaxResponseBytes} bytes.", call.Node, applied);
        }
        catch (HttpRequestException e)
        {
            throw CutOff(call, status, applied, e);
        }
        catch (IOException e)
        {
            throw CutOff(call, status, applied, e);
        }
        Record(call, status);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            byte[]? sent = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            if (body.Length > 0) { logger.ResponseBody(call.Method, call.Url, Loggable(body, sent)); }
        }
        if (response.IsSuccessStatusCode)
        {
            logger.Response(call.Method, call.Url, (int)response.StatusCode, (long)time.GetElapsedTime(call.Started).TotalMilliseconds,
                IronicResponses.RequestIdOf(response));
        }
        return response;
    }

    /// <summary>The status arrived but the body was cut: an error status means nothing happened.</summary>
    private IronicResponseFormatException CutOff(Attempt call, string status, bool applied, Exception cause)
    {
        Record(call, status);
        return new IronicResponseFormatException($"Ironic's answer to {call.Method} {call.Route} was cut off.",
            call.Node, applied, cause, truncated: true);
    }

    /// <summary>A body as it may be logged: secret fields masked, and any value we know to be secret masked wherever it appears.</summary>
    private string Loggable(byte[] body, byte[]? sent) =>
        SensitiveData.RedactKnownSecrets(SensitiveData.RedactBody(body),
            credentials.KnownSecrets.Concat(sent is null ? [] : SensitiveData.SecretValuesOf(sent)));

    private void Record(Attempt call, string status)
    {
        var tags = new TagList { { "route", call.Route }, { "method", call.Method }, { "status", status } };
        IronicClientDiagnostics.Requests.Add(1, tags);
        IronicClientDiagnostics.Duration.Record(time.GetElapsedTime(call.Started).TotalSeconds, tags);
    }

    private readonly record struct Attempt(string Method, string Route, NodeId? Node, bool IsRead, string Url, long Started);
}
