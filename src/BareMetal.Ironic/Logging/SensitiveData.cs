using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BareMetal.Ironic.Logging;

/// <summary>
/// The one redactor every layer uses before a value reaches a log or an exception: secret-looking JSON keys, URL
/// credentials and query values, auth headers and free-text <c>key=value</c> secrets. One central key list, as
/// oslo.utils keeps one for all of OpenStack: extend it here, never per caller.
/// </summary>
public static partial class SensitiveData
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    // A key is secret when its lower-cased name contains any of these.
    private static readonly string[] SecretKeyParts =
    [
        "password", "passwd", "pswd", "passphrase", "secret", "token", "configdrive", "config_drive", "user_data",
        "userdata", "admin_pass", "private_key", "credential", "encrypted_key", "keyring", "sslkey", "signature",
        "authorization", "api_key", "apikey", "access_key", "fernetkey", "cephxkey",
    ];

    // Headers whose values may be logged; every other header prints as the mask.
    private static readonly HashSet<string> LoggableHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "Location", "Retry-After", "Openstack-Request-Id",
        "X-Openstack-Request-Id", "X-OpenStack-Ironic-API-Version", "X-OpenStack-Ironic-API-Minimum-Version",
        "X-OpenStack-Ironic-API-Maximum-Version", "Www-Authenticate", "Date", "Server",
    };

    /// <summary>True when a JSON key or form field of this name holds a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (string part in SecretKeyParts)
        {
            if (key.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when a header's value may be logged as it is.</summary>
    public static bool IsLoggableHeader(string name) => LoggableHeaders.Contains(name);

    /// <summary>A header value as it may be logged.</summary>
    public static string RedactHeader(string name, string value) => IsLoggableHeader(name) ? RedactText(value) : Mask;

    /// <summary>
    /// A deep copy of <paramref name="node"/> with every secret value masked and every string scrubbed of URL
    /// credentials.
    /// </summary>
    public static JsonNode? Redact(JsonNode? node) => node switch
    {
        JsonObject obj => RedactObject(obj),
        JsonArray array => new JsonArray([.. array.Select(Redact)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(RedactText(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    // A JSON Patch operation names its target in "path": /instance_info/admin_password hides its secret in "value".
    private static bool IsSecretPatch(JsonObject obj) => obj.TryGetPropertyValue("path", out JsonNode? path) && path is JsonValue pathValue
        && pathValue.GetValueKind() == JsonValueKind.String && IsSecretKey(pathValue.GetValue<string>());

    private static JsonObject RedactObject(JsonObject obj)
    {
        bool secretPatch = IsSecretPatch(obj);
        var copy = new JsonObject();
        foreach ((string key, JsonNode? value) in obj)
        {
            bool secret = IsSecretKey(key) || (secretPatch && key == "value");
            copy[key] = secret && value is not null ? JsonValue.Create(Mask) : Redact(value);
        }
        return copy;
    }

    /// <summary>
    /// A UTF-8 body as it may be logged: JSON is parsed and redacted by key (including the double-encoded
    /// <c>error_message</c> Ironic sends); anything else is treated as text. Long bodies are cut.
    /// </summary>
    public static string RedactBody(ReadOnlySpan<byte> utf8, int maxChars = 4096)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }
        string text;
        try
        {
            JsonNode? parsed = JsonNode.Parse(utf8);
            text = Redact(parsed)?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            text = RedactText(Encoding.UTF8.GetString(utf8));
        }
        return Truncate(text, maxChars);
    }

    /// <summary>
    /// The string values a JSON document holds under secret keys (a config drive, user_data, an admin password, and the
    /// value of a JSON Patch operation on such a path), at any depth; none when it is not JSON.
    /// </summary>
    internal static IReadOnlyList<string> SecretValuesOf(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            return [];
        }
        try
        {
            var values = new List<string>();
            CollectSecretValues(JsonNode.Parse(utf8Json), secret: false, values);
            return values;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void CollectSecretValues(JsonNode? node, bool secret, List<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                bool secretPatch = IsSecretPatch(obj);
                foreach ((string key, JsonNode? value) in obj)
                {
                    CollectSecretValues(value, secret || IsSecretKey(key) || (secretPatch && key == "value"), values);
                }
                break;
            case JsonArray array:
                foreach (JsonNode? item in array) { CollectSecretValues(item, secret, values); }
                break;
            case JsonValue value when secret && value.GetValueKind() == JsonValueKind.String:
                values.Add(value.GetValue<string>());
                break;
        }
    }

    /// <summary>A URL without its user info and with every query value masked (temp URLs carry signatures).</summary>
    public static string RedactUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return RedactText(uri.OriginalString);
        }
        var builder = new StringBuilder();
        builder.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
        {
            builder.Append(Mask).Append('@');
        }
        builder.Append(uri.Authority).Append(uri.AbsolutePath);
        if (uri.Query.Length > 1)
        {
            builder.Append('?').Append(MaskQueryValues(uri.Query[1..]));
        }
        return builder.ToString();
    }

    /// <summary>How much of a text <see cref="RedactText(string?, int)"/> keeps by default.</summary>
    public const int DefaultMaxChars = 4096;

    /// <summary>
    /// Free text (a faultstring, a last_error) as it may be shown: cut to <paramref name="maxChars"/> first, then URL
    /// credentials and query values, <c>password=…</c>/<c>"token": "…"</c> style secrets, auth headers and opaque blobs
    /// (64 or more base64 characters: a config drive, a token) masked. Linear in the length of the text.
    /// </summary>
    public static string RedactText(string? text, int maxChars = DefaultMaxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }
        // Truncate before matching: the cost is bounded by what is kept, never by what the server sent.
        string result = Truncate(text, maxChars);
        result = UrlPattern().Replace(result, m => Uri.TryCreate(m.Value, UriKind.Absolute, out Uri? uri) ? RedactUrl(uri) : Mask);
        result = MaskSecretValues(result);
        result = BasicOrBearerPattern().Replace(result, m => $"{m.Groups["scheme"].Value} {Mask}");
        return OpaqueBlobPattern().Replace(result, Mask);
    }

    /// <summary>
    /// <see cref="RedactText(string?, int)"/>, and every occurrence of a value the caller itself knows is secret (its
    /// password, its token, the config drive it sent) masked too, whatever the text around it looks like.
    /// </summary>
    public static string RedactKnownSecrets(string? text, IEnumerable<string> knownSecrets, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(knownSecrets);
        // Very short values would mask ordinary words; a secret that short is left to the patterns. An echo may come back
        // JSON-escaped once or more (Ironic double-encodes its errors), so each escaped form is masked as well.
        string[] secrets = [.. knownSecrets.Where(v => v.Length >= MinKnownSecretChars).SelectMany(EscapedForms).Distinct()
            .OrderByDescending(v => v.Length)];
        // Keep enough that no secret straddles the cut, replace (linear per secret), then cut and redact as usual.
        string result = text ?? string.Empty;
        int window = secrets.Length == 0 ? maxChars : (int)Math.Min(int.MaxValue, (long)maxChars + secrets[0].Length);
        result = result.Length > window ? result[..window] : result;
        foreach (string secret in secrets)
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return RedactText(result, maxChars);
    }

    // Known secrets shorter than this are left to the pattern rules.
    private const int MinKnownSecretChars = 4;

    private static readonly JavaScriptEncoder[] Encoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    private static IEnumerable<string> EscapedForms(string secret)
    {
        yield return secret;
        foreach (JavaScriptEncoder encoder in Encoders)
        {
            string form = secret;
            for (int level = 0; level < 3; level++)
            {
                form = JsonEncodedText.Encode(form, encoder).ToString();
                yield return form;
            }
        }
    }

    /// <summary>Cuts text to at most <paramref name="maxChars"/> characters, saying that it did.</summary>
    public static string Truncate(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), "…(truncated)");
    }

    private static string MaskQueryValues(string query) =>
        string.Join('&', query.Split('&').Select(pair =>
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? pair : string.Concat(pair.AsSpan(0, eq + 1), Mask);
        }));

    // NonBacktracking: every pattern runs in time linear in its input, whatever a hostile server sends.
    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s""'<>]+", RegexOptions.NonBacktracking)]
    private static partial Regex UrlPattern();

    /// <summary>
    /// key=value, key: value, "key": "value": the key decides, and a secret key's value is masked up to a delimiter.
    /// Only the keys are matched, so a harmless key never swallows the secret one after it (<c>refused: password=x</c>).
    /// </summary>
    private static string MaskSecretValues(string text)
    {
        StringBuilder? masked = null;
        int kept = 0;
        foreach (ValueMatch key in KeyPattern().EnumerateMatches(text))
        {
            // Scanning only a secret's value, and never inside a masked one, keeps the whole pass linear.
            if (key.Index < kept || !IsSecretKey(KeyName(text.AsSpan(key.Index, key.Length))))
            {
                continue;
            }
            int valueStart = key.Index + key.Length;
            int valueEnd = valueStart;
            while (valueEnd < text.Length && !char.IsWhiteSpace(text[valueEnd]) && !ValueDelimiters.Contains(text[valueEnd]))
            {
                valueEnd++;
            }
            if (valueEnd == valueStart)
            {
                continue;
            }
            masked ??= new StringBuilder(text.Length);
            masked.Append(text, kept, valueStart - kept).Append(Mask);
            kept = valueEnd;
        }
        return masked is null ? text : masked.Append(text, kept, text.Length - kept).ToString();
    }

    /// <summary>The key's name inside a match of <see cref="KeyPattern"/>: the identifier after an opening quote.</summary>
    private static string KeyName(ReadOnlySpan<char> match)
    {
        ReadOnlySpan<char> name = match.TrimStart("\"'");
        int end = name.IndexOfAnyExcept(KeyCharacters);
        return (end < 0 ? name : name[..end]).ToString();
    }

    private static readonly SearchValues<char> KeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private static readonly SearchValues<char> ValueDelimiters = SearchValues.Create("\"',;&}");

    [GeneratedRegex(@"[""']?[A-Za-z_][A-Za-z0-9_\-]*[""']?\s*[:=]\s*[""']?", RegexOptions.NonBacktracking)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\b(?<scheme>Basic|Bearer)\s+[A-Za-z0-9+/=._\-]{8,}", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BasicOrBearerPattern();

    [GeneratedRegex(@"[A-Za-z0-9+/]{64,}={0,2}", RegexOptions.NonBacktracking)]
    private static partial Regex OpaqueBlobPattern();
}
