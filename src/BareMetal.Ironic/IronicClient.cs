using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Auth;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Transport;
using BareMetal.Ironic.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace BareMetal.Ironic;

/// <summary>
/// The <see cref="IIronicClient"/> over the Refit interface <see cref="IIronicApi"/>. A singleton: it holds the
/// negotiated version, sends every call at it, keeps filters across pages, checks what comes back and turns every
/// failure into a specific exception. Transport concerns (endpoint, retries, deadlines, bounds, auth) are the
/// handlers of the named HTTP client. Register it with <c>AddIronicClient</c>.
/// </summary>
internal sealed partial class IronicClient : IIronicClient
{
    /// <summary>The name of the <see cref="HttpClient"/> this client uses; configure its handlers through it.</summary>
    public const string HttpClientName = "BareMetal.Ironic";

    private readonly IIronicApi _api;
    private readonly IronicClientOptions _options;
    private readonly IronicEndpointResolver _endpoints;
    private readonly IIronicCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ApiVersion _clientMinimum;
    private readonly ApiVersion _clientMaximum;
    private readonly Lock _versionsGate = new();
    private Task<ApiVersionRange>? _versions;

    internal IronicClient(IIronicApi api, IOptions<IronicClientOptions> options, IronicEndpointResolver endpoints,
        IIronicCredentials credentials, TimeProvider time, ILogger<IronicClient> logger)
    {
        _api = api;
        _credentials = credentials;
        _options = options.Value;
        _endpoints = endpoints;
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
        ApiVersionDocument document = await InvokeAsync(new IronicCall("GET", IronicRoutes.Root, null),
            () => _api.GetVersionsAsync(CancellationToken.None)).ConfigureAwait(false);
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

    /// <summary>One Ironic call as the client sees it: method, route template, node, and (only for masking) its body.</summary>
    private readonly record struct IronicCall(string Method, string Route, NodeId? NodeId, Func<byte[]>? Body = null)
    {
        public bool IsRead => Method == "GET";
    }

    private async Task SendAsync(IronicCall call, IronicFeature? feature, Func<string, CancellationToken, Task> send,
        CancellationToken cancellationToken) =>
        await SendAsync(call, feature, async (version, ct) =>
        {
            await send(version, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends with the negotiated version; on an unexpected 406, discovers once more and repeats once.</summary>
    private async Task<T> SendAsync<T>(IronicCall call, IronicFeature? feature, Func<string, CancellationToken, Task<T>> send,
        CancellationToken cancellationToken)
    {
        Task<ApiVersionRange> versionsTask = GetApiVersionsAsync(cancellationToken);
        ApiVersionRange versions = await versionsTask.ConfigureAwait(false);
        if (feature is { } needed)
        {
            Require(versions, needed, call.NodeId);
        }
        try
        {
            return await InvokeAsync(call, () => send(versions.Negotiated.ToString(), cancellationToken)).ConfigureAwait(false);
        }
        catch (UnsupportedMicroversionException e) when (e.Required is null)
        {
            // The server changed under us (an upgrade or downgrade): re-negotiate once, then let a second 406 surface.
            _logger.Renegotiating(versions.Negotiated.ToString(), call.Method, call.Route);
            ForgetVersions(versionsTask);
            ApiVersionRange fresh = await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
            if (feature is { } again)
            {
                Require(fresh, again, call.NodeId);
            }
            return await InvokeAsync(call, () => send(fresh.Negotiated.ToString(), cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>One call through Refit: its value, checked for shape, or a specific exception for whatever went wrong.</summary>
    private async Task<T> InvokeAsync<T>(IronicCall call, Func<Task<T>> invoke)
    {
        T value;
        try
        {
            value = await invoke().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            // Not chained: Refit's exception holds the request, its headers and the raw bodies.
            throw Failure(call, e);
        }
        catch (ApiRequestException e) when (e.InnerException is BareMetalException failure)
        {
            // The handlers already named it (a timeout, a lost connection, a cut or oversized body, a failed login).
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        catch (ApiRequestException e)
        {
            throw new IronicConnectionException($"No answer from Ironic to {call.Method} {call.Route}: {e.InnerException?.GetType().Name}.",
                call.NodeId, mayHaveBeenApplied: !call.IsRead, e.InnerException);
        }
        return value switch
        {
            null => throw NotExpected(call, "The body was JSON null.", null),
            IWireShape { Defect: { } defect } => throw NotExpected(call, $"The body has {defect}.", null),
            _ => value,
        };
    }

    private BareMetalException Failure(IronicCall call, ApiException e)
    {
        if (e.InnerException is JsonException || (int)e.StatusCode is >= 200 and < 300)
        {
            return NotExpected(call, e.InnerException?.Message ?? e.Message, e.InnerException);
        }
        string message = IronicErrorBody.ReadMessage(Encoding.UTF8.GetBytes(e.Content ?? string.Empty), KnownSecrets(call));
        string? requestId = IronicResponses.RequestIdOf(e.Headers);
        string url = e.Uri is null ? call.Route : SensitiveData.RedactUrl(e.Uri);
        _logger.ErrorResponse(call.Method, url, (int)e.StatusCode, requestId, message);
        if (e.StatusCode == System.Net.HttpStatusCode.NotAcceptable)
        {
            ApiVersion? maximum = IronicResponses.VersionOf(e.Headers, "X-OpenStack-Ironic-API-Maximum-Version");
            return new UnsupportedMicroversionException(
                $"Ironic refused the microversion (406): {message}", required: null, maximum, call.NodeId, requestId);
        }
        return IronicErrorMapper.Create(e.StatusCode, message, call.NodeId, requestId, IronicResponses.RetryAfterOf(e.Headers, _time));
    }

    private static IronicResponseFormatException NotExpected(IronicCall call, string why, Exception? cause) =>
        new($"Ironic's answer to {call.Method} {call.Route} is not the expected JSON: {why}", call.NodeId,
            mayHaveBeenApplied: !call.IsRead, cause);

    /// <summary>
    /// What this call must never show: our credentials, and the drive, user data or passwords its body carries. A
    /// server may echo any of them back, in an error message or anywhere else.
    /// </summary>
    private IEnumerable<string> KnownSecrets(IronicCall call) =>
        _credentials.KnownSecrets.Concat(call.Body is { } body ? SensitiveData.SecretValuesOf(body()) : []);

    /// <summary>A request body as bytes, for finding the secrets it carries; only built when a call fails.</summary>
    private static Func<byte[]> BodyOf<T>(T value, JsonTypeInfo<T> type) => () => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
