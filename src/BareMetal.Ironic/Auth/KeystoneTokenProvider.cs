using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BareMetal.Ironic.Auth;

/// <summary>
/// Keystone v3 login (password or application credential) with the token cached until shortly before it expires,
/// one login at a time, and the catalog kept for the endpoint lookup.
/// </summary>
internal sealed class KeystoneTokenProvider : IIronicCredentials, IDisposable
{
    internal const string HttpClientName = "BareMetal.Keystone";

    private readonly IHttpClientFactory _httpClientFactory;
    // A token with its catalog is kilobytes; anything near this is not Keystone talking.
    private const long MaxTokenResponseBytes = 16L * 1024 * 1024;

    private readonly KeystoneAuthOptions _options;
    private readonly IronicClientOptions _clientOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private KeystoneToken? _token;

    public KeystoneTokenProvider(IHttpClientFactory httpClientFactory, IOptions<IronicClientOptions> options, TimeProvider time,
        ILogger<KeystoneTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _clientOptions = options.Value;
        _options = options.Value.Auth.Keystone;
        _time = time;
        _logger = logger;
    }

    /// <summary>The longest a token is used before logging in again, whatever its <c>expires_at</c> says.</summary>
    internal static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromHours(24);

    public async ValueTask<string?> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        KeystoneToken token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token.Value);
        return token.Value;
    }

    public bool Invalidate(string? rejected)
    {
        // Only the token that was refused: a concurrent caller may already have fetched a new one.
        Interlocked.CompareExchange(ref _token, null, _token is { } current && current.Value == rejected ? current : null);
        return true;
    }

    /// <summary>The cached token, or a new one when there is none or it is about to expire.</summary>
    public async ValueTask<KeystoneToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_token) is { } cached)
        {
            return cached;
        }
        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_token) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            KeystoneToken token = await LoginAsync(cancellationToken).ConfigureAwait(false);
            _token = token;
            return token;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>The configured service's URL from the catalog.</summary>
    public async ValueTask<Uri> GetCatalogEndpointAsync(CancellationToken cancellationToken)
    {
        KeystoneToken token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        KeystoneCatalogEntry? entry = token.Catalog.FirstOrDefault(e =>
            string.Equals(e.ServiceType, _options.ServiceType, StringComparison.Ordinal)
            && string.Equals(e.Interface, _options.Interface, StringComparison.Ordinal)
            && (_options.Region is null || string.Equals(e.Region, _options.Region, StringComparison.Ordinal)));
        if (entry is null || !Uri.TryCreate(entry.Url, UriKind.Absolute, out Uri? url) || url.UserInfo.Length > 0
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new KeystoneAuthenticationException(
                $"The Keystone catalog has no usable '{_options.ServiceType}' endpoint for interface '{_options.Interface}'"
                + (_options.Region is null ? "." : $" in region '{_options.Region}'."), statusCode: null);
        }
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.CatalogEndpoint(_options.ServiceType, SensitiveData.RedactUrl(url), entry.Interface, entry.Region);
        }
        return url;
    }

    public void Dispose() => _loginGate.Dispose();

    public IEnumerable<string> KnownSecrets
    {
        get
        {
            if (_options.Password is { Length: > 0 } password) { yield return password; }
            if (_options.ApplicationCredentialSecret is { Length: > 0 } secret) { yield return secret; }
            if (_token is { } token) { yield return token.Value; }
        }
    }

    private KeystoneToken? Fresh(KeystoneToken? token)
    {
        if (token is null)
        {
            return null;
        }
        // Refresh early, but never by more than a quarter of the lifetime: short tokens would otherwise be renewed on every call.
        TimeSpan margin = TimeSpan.FromTicks(Math.Min(_options.RefreshBeforeExpiry.Ticks, (token.ExpiresAt - token.IssuedAt).Ticks / 4));
        return _time.GetUtcNow() < token.ExpiresAt - margin ? token : null;
    }

    private async Task<KeystoneToken> LoginAsync(CancellationToken cancellationToken)
    {
        Uri tokensUrl = new(EnsureTrailingSlash(_options.AuthUrl!), "auth/tokens");
        using var request = new HttpRequestMessage(HttpMethod.Post, tokensUrl)
        {
            Content = new StringContent(BuildRequestBody(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        HttpClient http = _httpClientFactory.CreateClient(HttpClientName);
        // The whole login, body included, has the same deadline as one Ironic request, on the injected clock.
        using var deadline = new CancellationTokenSource(_clientOptions.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        string where = SensitiveData.RedactUrl(tokensUrl);
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            byte[] body = await BoundedContent.ReadAsync(response.Content, MaxTokenResponseBytes, linked.Token).ConfigureAwait(false)
                ?? throw new KeystoneAuthenticationException($"Keystone at {where} answered with more than {MaxTokenResponseBytes} bytes.",
                    response.StatusCode);
            return ReadLogin(response, body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new KeystoneAuthenticationException(
                $"Keystone at {where} did not answer within {_clientOptions.RequestTimeout.TotalSeconds:0.#} s.", statusCode: null, e);
        }
        catch (HttpRequestException e)
        {
            throw new KeystoneAuthenticationException($"Keystone at {where} did not answer: {e.HttpRequestError}.", statusCode: null, e);
        }
        catch (IOException e)
        {
            throw new KeystoneAuthenticationException($"Keystone at {where} cut its answer off.", statusCode: null, e);
        }
    }

    private KeystoneToken ReadLogin(HttpResponseMessage response, byte[] body)
    {
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.OK)
        {
            throw new KeystoneAuthenticationException(
                $"Keystone refused the login with {(int)response.StatusCode}: {IronicErrorBody.ReadMessage(body, KnownSecrets)}",
                response.StatusCode);
        }
        string? value = response.Headers.TryGetValues("X-Subject-Token", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(value))
        {
            throw new KeystoneAuthenticationException("Keystone answered without an X-Subject-Token header.", response.StatusCode);
        }
        KeystoneToken token = ParseToken(value, body);
        _logger.TokenIssued(_options.ApplicationCredentialSecret is null ? "password" : "application_credential", token.ExpiresAt);
        return token;
    }

    private KeystoneToken ParseToken(string value, byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement token = document.RootElement.GetProperty("token");
            DateTimeOffset expiresAt = ParseKeystoneTime(token.GetProperty("expires_at").GetString());
            DateTimeOffset received = _time.GetUtcNow();
            DateTimeOffset issuedAt = token.TryGetProperty("issued_at", out JsonElement issued) && issued.ValueKind == JsonValueKind.String
                ? ParseKeystoneTime(issued.GetString())
                : received;
            // The lifetime is Keystone's own (both times on its clock), counted from receipt on ours, and bounded: a token
            // that is born expired would otherwise mean a login per request, and clock skew would shift every refresh.
            TimeSpan lifetime = expiresAt - issuedAt;
            if (lifetime <= TimeSpan.Zero)
            {
                throw new KeystoneAuthenticationException(
                    $"Keystone issued a token that expires ({expiresAt:O}) before it was issued ({issuedAt:O}).", statusCode: null);
            }
            TimeSpan trusted = lifetime < MaxTokenLifetime ? lifetime : MaxTokenLifetime;
            return new KeystoneToken(value, received, received + trusted, ParseCatalog(token));
        }
        catch (JsonException e) { throw Unreadable(e); }
        catch (KeyNotFoundException e) { throw Unreadable(e); }          // a missing "token" or "expires_at"
        catch (InvalidOperationException e) { throw Unreadable(e); }     // a value of the wrong JSON kind
        catch (FormatException e) { throw Unreadable(e); }               // an unparseable time
    }

    private static KeystoneAuthenticationException Unreadable(Exception cause) =>
        new("Keystone's token response could not be read.", HttpStatusCode.Created, cause);

    private static List<KeystoneCatalogEntry> ParseCatalog(JsonElement token)
    {
        var entries = new List<KeystoneCatalogEntry>();
        if (!token.TryGetProperty("catalog", out JsonElement catalog) || catalog.ValueKind != JsonValueKind.Array)
        {
            return entries;
        }
        foreach (JsonElement service in catalog.EnumerateArray())
        {
            string? type = service.TryGetProperty("type", out JsonElement t) ? t.GetString() : null;
            if (type is null || !service.TryGetProperty("endpoints", out JsonElement endpoints)
                || endpoints.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (JsonElement endpoint in endpoints.EnumerateArray())
            {
                string? url = endpoint.TryGetProperty("url", out JsonElement u) ? u.GetString() : null;
                string? @interface = endpoint.TryGetProperty("interface", out JsonElement i) ? i.GetString() : null;
                string? region = endpoint.TryGetProperty("region_id", out JsonElement r) ? r.GetString()
                    : endpoint.TryGetProperty("region", out JsonElement r2) ? r2.GetString() : null;
                if (url is not null && @interface is not null)
                {
                    entries.Add(new KeystoneCatalogEntry(type, @interface, region, url));
                }
            }
        }
        return entries;
    }

    /// <summary>
    /// Keystone writes <c>2026-11-21T11:48:44.000000Z</c> for tokens and <c>2026-11-21T10:54:04</c> (no zone) when an
    /// application credential's expiry caps the token: both are UTC.
    /// </summary>
    internal static DateTimeOffset ParseKeystoneTime(string? text) =>
        DateTimeOffset.Parse(text ?? throw new FormatException("Missing time."), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private string BuildRequestBody()
    {
        JsonObject identity;
        if (_options.ApplicationCredentialSecret is { Length: > 0 } secret)
        {
            var credential = new JsonObject { ["secret"] = secret };
            if (_options.ApplicationCredentialId is { Length: > 0 } id)
            {
                credential["id"] = id;
            }
            else
            {
                credential["name"] = _options.ApplicationCredentialName;
                credential["user"] = User();
            }
            // An application credential may not ask for a scope: Keystone answers 401.
            identity = new JsonObject { ["methods"] = new JsonArray("application_credential"), ["application_credential"] = credential };
            return new JsonObject { ["auth"] = new JsonObject { ["identity"] = identity } }.ToJsonString();
        }
        JsonObject user = User();
        user["password"] = _options.Password;
        identity = new JsonObject { ["methods"] = new JsonArray("password"), ["password"] = new JsonObject { ["user"] = user } };
        var auth = new JsonObject { ["identity"] = identity };
        if (_options.ProjectId is { Length: > 0 } projectId)
        {
            auth["scope"] = new JsonObject { ["project"] = new JsonObject { ["id"] = projectId } };
        }
        else if (_options.ProjectName is { Length: > 0 } projectName)
        {
            auth["scope"] = new JsonObject
            {
                ["project"] = new JsonObject
                {
                    ["name"] = projectName, ["domain"] = new JsonObject { ["name"] = _options.ProjectDomainName },
                },
            };
        }
        return new JsonObject { ["auth"] = auth }.ToJsonString();
    }

    private JsonObject User() => _options.UserId is { Length: > 0 } userId
        ? new JsonObject { ["id"] = userId }
        : new JsonObject { ["name"] = _options.Username, ["domain"] = new JsonObject { ["name"] = _options.UserDomainName } };

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
