using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.Diagnostics;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Resilience;
using BareMetal.Ironic.Transport;
using BareMetal.Ironic.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace BareMetal.Ironic;

/// <summary>
/// The <see cref="IIronicClient"/> over <see cref="HttpClient"/> and source-generated System.Text.Json. A singleton:
/// it asks <see cref="IHttpClientFactory"/> for the named client on each call and holds the negotiated version.
/// Register it with <c>AddIronicClient</c>.
/// </summary>
internal sealed partial class IronicClient : IIronicClient
{
    /// <summary>The name of the <see cref="HttpClient"/> this client uses; configure its handlers through it.</summary>
    public const string HttpClientName = "BareMetal.Ironic";

    private const string VersionHeader = "X-OpenStack-Ironic-API-Version";
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IronicClientOptions _options;
    private readonly IronicEndpointResolver _endpoints;
    private readonly IronicResiliencePipelines _pipelines;
    private readonly IIronicCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ApiVersion _clientMinimum;
    private readonly ApiVersion _clientMaximum;
    private readonly Lock _versionsGate = new();
    private Task<ApiVersionRange>? _versions;

    internal IronicClient(IHttpClientFactory httpClientFactory, IOptions<IronicClientOptions> options, IronicEndpointResolver endpoints,
        IronicResiliencePipelines pipelines, IIronicCredentials credentials, TimeProvider time, ILogger<IronicClient> logger)
    {
        _credentials = credentials;
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _endpoints = endpoints;
        _pipelines = pipelines;
        _time = time;
        _logger = logger;
        _clientMinimum = ApiVersion.Parse(_options.MinimumApiVersion);
        _clientMaximum = ApiVersion.Parse(_options.MaximumApiVersion);
    }

    /// <inheritdoc />
    public Task<ApiVersionRange> GetApiVersionsAsync(CancellationToken cancellationToken = default)
    {
        Task<ApiVersionRange> versions;
        lock (_versionsGate)
        {
            // One discovery shared by concurrent callers; a failed one is forgotten so the next call tries again.
            if (_versions is null || _versions.IsFaulted || _versions.IsCanceled)
            {
                _versions = DiscoverAsync();
            }
            versions = _versions;
        }
        return versions.WaitAsync(cancellationToken);
    }

    private void ForgetVersions(Task<ApiVersionRange> stale)
    {
        lock (_versionsGate)
        {
            if (ReferenceEquals(_versions, stale))
            {
                _versions = null;
            }
        }
    }

    private async Task<ApiVersionRange> DiscoverAsync()
    {
        // Not the caller's token: the discovery is shared, and one caller giving up must not fail the others.
        var request = new IronicRequest(HttpMethod.Get, "/", string.Empty, NodeId: null, Body: null);
        ApiVersionDocument document =
            await ExecuteAsync(request, version: null, IronicJsonContext.Default.ApiVersionDocument, CancellationToken.None)
                .ConfigureAwait(false)
            ?? throw new IronicResponseFormatException("Ironic's version document was empty.", null, mayHaveBeenApplied: false);
        ApiVersionInfo? v1 = document.DefaultVersion ?? document.Versions?.FirstOrDefault(v => v.Id == "v1");
        if (!ApiVersion.TryParse(v1?.MinVersion, out ApiVersion serverMin) || !ApiVersion.TryParse(v1?.Version, out ApiVersion serverMax))
        {
            throw new IronicResponseFormatException(
                "Ironic's version document has no v1 microversion range.", null, mayHaveBeenApplied: false);
        }
        ApiVersion negotiated = ApiVersion.Min(serverMax, _clientMaximum);
        Uri endpoint = await _endpoints.GetAsync(CancellationToken.None).ConfigureAwait(false);
        if (negotiated < _clientMinimum || negotiated < serverMin)
        {
            throw new UnsupportedMicroversionException(
                $"Ironic at {SensitiveData.RedactUrl(endpoint)} offers microversions {serverMin} to {serverMax}; this client needs " +
                    $"{_clientMinimum} to {_clientMaximum}.",
                _clientMinimum, serverMax);
        }
        _logger.VersionNegotiated(SensitiveData.RedactUrl(endpoint), serverMin.ToString(), serverMax.ToString(), negotiated.ToString());
        return new ApiVersionRange(serverMin, serverMax, negotiated);
    }

    /// <summary>Throws before sending when the negotiated version lacks a feature.</summary>
    private static void Require(ApiVersionRange versions, IronicFeature feature, NodeId? nodeId)
    {
        if (!versions.Supports(feature))
        {
            ApiVersion required = IronicFeatures.MinimumVersion(feature);
            throw new UnsupportedMicroversionException(
                $"{feature} needs Ironic API {required}, but {versions.Negotiated} is in use (server maximum {versions.ServerMaximum}).",
                required, versions.Negotiated, nodeId);
        }
    }

    /// <summary>One Ironic call: method, route template (for telemetry), relative URI, node, and body.</summary>
    private readonly record struct IronicRequest(HttpMethod Method, string Route, string RelativeUri, NodeId? NodeId, byte[]? Body)
    {
        public bool IsRead => Method == HttpMethod.Get;
    }

    private async Task SendAsync(IronicRequest request, IronicFeature? feature, CancellationToken cancellationToken) =>
        await SendAsync<JsonElement>(request, feature, responseType: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends with the negotiated version; on an unexpected 406, discovers once more and repeats once.</summary>
    private async Task<T?> SendAsync<T>(IronicRequest request, IronicFeature? feature, JsonTypeInfo<T>? responseType,
        CancellationToken cancellationToken)
    {
        Task<ApiVersionRange> versionsTask = GetApiVersionsAsync(cancellationToken);
        ApiVersionRange versions = await versionsTask.ConfigureAwait(false);
        if (feature is { } needed)
        {
            Require(versions, needed, request.NodeId);
        }
        try
        {
            return await ExecuteAsync(request, versions.Negotiated, responseType, cancellationToken).ConfigureAwait(false);
        }
        catch (UnsupportedMicroversionException e) when (e.Required is null)
        {
            // The server changed under us (an upgrade or downgrade): re-negotiate once, then let a second 406 surface.
            _logger.Renegotiating(versions.Negotiated.ToString(), request.Method.Method, request.Route);
            ForgetVersions(versionsTask);
            ApiVersionRange fresh = await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
            if (feature is { } again)
            {
                Require(fresh, again, request.NodeId);
            }
            return await ExecuteAsync(request, fresh.Negotiated, responseType, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T?> ExecuteAsync<T>(IronicRequest request, ApiVersion? version, JsonTypeInfo<T>? responseType,
        CancellationToken cancellationToken)
    {
        ResiliencePipeline pipeline = request.IsRead ? _pipelines.Read : _pipelines.Write;
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(IronicResiliencePipelines.StartedAt, _time.GetTimestamp());
        context.Properties.Set(IronicResiliencePipelines.Route, request.Route);
        context.Properties.Set(IronicResiliencePipelines.Method, request.Method.Method);
        try
        {
            var state = (Client: this, Request: request, Version: version, Type: responseType);
            return await pipeline.ExecuteAsync(
                static (ctx, s) => new ValueTask<T?>(s.Client.AttemptAsync(s.Request, s.Version, s.Type, ctx.CancellationToken)),
                context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One HTTP attempt with its own deadline. Maps every outcome to a value or a specific exception.</summary>
    private async Task<T?> AttemptAsync<T>(IronicRequest request, ApiVersion? version, JsonTypeInfo<T>? responseType,
        CancellationToken cancellationToken)
    {
        Uri endpoint = await _endpoints.GetAsync(cancellationToken).ConfigureAwait(false);
        Uri uri = request.RelativeUri.Length == 0 ? endpoint : new Uri(endpoint, request.RelativeUri);
        string loggedUrl = SensitiveData.RedactUrl(uri);
        using var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (version is { } v)
        {
            message.Headers.TryAddWithoutValidation(VersionHeader, v.ToString());
        }
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonMediaType;
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                _logger.RequestBody(request.Method.Method, loggedUrl, Loggable(body, request));
            }
        }

        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using Activity? activity =
            IronicClientDiagnostics.ActivitySource.StartActivity($"Ironic {request.Method.Method} {request.Route}", ActivityKind.Client);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.Route);
        long started = _time.GetTimestamp();
        bool mayHaveBeenApplied = !request.IsRead;
        HttpResponseMessage response;
        byte[] responseBody;
        try
        {
            HttpClient http = _httpClientFactory.CreateClient(HttpClientName);
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            Record(request, "timeout", started);
            _logger.TransportFailure(request.Method.Method, loggedUrl, "timed out", mayHaveBeenApplied);
            throw new IronicTimeoutException($"Ironic did not answer {request.Method.Method} {request.Route} within " +
                $"{_options.RequestTimeout.TotalSeconds:0.#} s.",
                request.NodeId, mayHaveBeenApplied, e);
        }
        catch (HttpRequestException e)
        {
            // A connection that was never made cannot have carried the request.
            bool notSent = e.HttpRequestError
                is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;
            Record(request, "connection-error", started);
            _logger.TransportFailure(request.Method.Method, loggedUrl, e.HttpRequestError.ToString(), mayHaveBeenApplied && !notSent);
            throw new IronicConnectionException($"No answer from Ironic to {request.Method.Method} {request.Route}: {e.HttpRequestError}.",
                request.NodeId, mayHaveBeenApplied && !notSent, e);
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            string? requestId = RequestIdOf(response);
            activity?.SetTag("http.response.status_code", status);
            try
            {
                responseBody = await ReadBodyAsync(response, request, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
            {
                Record(request, "timeout", started);
                throw new IronicTimeoutException($"Ironic's answer to {request.Method.Method} {request.Route} did not arrive within " +
                    $"{_options.RequestTimeout.TotalSeconds:0.#} s.",
                    request.NodeId, mayHaveBeenApplied: mayHaveBeenApplied && response.IsSuccessStatusCode, e);
            }
            catch (HttpRequestException e) { throw CutOff(request, response, started, mayHaveBeenApplied, e); }
            catch (IOException e) { throw CutOff(request, response, started, mayHaveBeenApplied, e); }
            Record(request, status.ToString(System.Globalization.CultureInfo.InvariantCulture), started);
            if (_logger.IsEnabled(LogLevel.Trace) && responseBody.Length > 0)
            {
                _logger.ResponseBody(request.Method.Method, loggedUrl, Loggable(responseBody, request));
            }
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(request, response, requestId, responseBody, loggedUrl);
            }
            _logger.Response(request.Method.Method, loggedUrl, status, (long)_time.GetElapsedTime(started).TotalMilliseconds, requestId);
            return responseType is null ? default : Deserialize(responseBody, responseType, request);
        }
    }

    /// <summary>The status arrived but the body was cut: an error status means nothing happened.</summary>
    private IronicResponseFormatException CutOff(IronicRequest request, HttpResponseMessage response, long started, bool mayHaveBeenApplied,
        Exception cause)
    {
        Record(request, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), started);
        return new IronicResponseFormatException($"Ironic's answer to {request.Method.Method} {request.Route} was cut off.",
            request.NodeId, mayHaveBeenApplied && response.IsSuccessStatusCode, cause, truncated: true);
    }

    private BareMetalException Failure(IronicRequest request, HttpResponseMessage response, string? requestId, byte[] body,
        string loggedUrl)
    {
        string message = IronicErrorBody.ReadMessage(body, KnownSecrets(request));
        _logger.ErrorResponse(request.Method.Method, loggedUrl, (int)response.StatusCode, requestId, message);
        if (response.StatusCode == HttpStatusCode.NotAcceptable)
        {
            ApiVersion? maximum = HeaderVersion(response, "X-OpenStack-Ironic-API-Maximum-Version");
            return new UnsupportedMicroversionException(
                $"Ironic refused the microversion (406): {message}", required: null, maximum, request.NodeId, requestId);
        }
        return IronicErrorMapper.Create(response.StatusCode, message, request.NodeId, requestId, RetryAfterOf(response));
    }

    /// <summary>
    /// What this call must never show: our credentials, and the drive, user data or passwords its body carries. A
    /// server may echo any of them back, in an error message or anywhere else.
    /// </summary>
    private IEnumerable<string> KnownSecrets(IronicRequest request) =>
        _credentials.KnownSecrets.Concat(SensitiveData.SecretValuesOf(request.Body));

    private string Loggable(byte[] body, IronicRequest request) =>
        SensitiveData.RedactKnownSecrets(SensitiveData.RedactBody(body), KnownSecrets(request));

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, IronicRequest request, CancellationToken cancellationToken)
    {
        long max = _options.MaxResponseBytes;
        string tooLarge = $"Ironic's answer to {request.Method.Method} {request.Route} is larger than {max} bytes.";
        return await BoundedContent.ReadAsync(response.Content, max, cancellationToken).ConfigureAwait(false)
            ?? throw new IronicResponseFormatException(tooLarge, request.NodeId,
                mayHaveBeenApplied: !request.IsRead && response.IsSuccessStatusCode);
    }

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> type, IronicRequest request)
    {
        try
        {
            T value = JsonSerializer.Deserialize(body, type) ?? throw new JsonException("The body was JSON null.");
            return value is IWireShape { Defect: { } defect } ? throw new JsonException($"The body has {defect}.") : value;
        }
        catch (JsonException e)
        {
            throw new IronicResponseFormatException($"Ironic's answer to {request.Method.Method} {request.Route} is not the expected " +
                $"JSON: {e.Message}",
                request.NodeId, mayHaveBeenApplied: !request.IsRead, e);
        }
    }

    private void Record(IronicRequest request, string status, long started)
    {
        var tags = new TagList { { "route", request.Route }, { "method", request.Method.Method }, { "status", status } };
        IronicClientDiagnostics.Requests.Add(1, tags);
        IronicClientDiagnostics.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Openstack-Request-Id", out IEnumerable<string>? ids)
        || response.Headers.TryGetValues("X-Openstack-Request-Id", out ids)
            ? ids.FirstOrDefault()
            : null;

    private static ApiVersion? HeaderVersion(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out IEnumerable<string>? values)
            && ApiVersion.TryParse(values.FirstOrDefault(), out ApiVersion v)
            ? v
            : null;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static string NodePath(NodeId nodeId) => "v1/nodes/" + nodeId;
}
