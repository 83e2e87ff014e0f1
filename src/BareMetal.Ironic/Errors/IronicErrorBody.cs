using System.Text;
using System.Text.Json;
using BareMetal.Ironic.Logging;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// Reads Ironic's error bodies in every shape seen from a real server: <c>{"error_message": "&lt;JSON string&gt;"}</c>
/// wrapping a <c>faultstring</c> (API errors) or a <c>description</c> (version and routing errors), an
/// <c>error_message</c> that is already an object, the unwrapped <c>{"error": {"message": …}}</c> of http_basic and
/// Keystone 401s, and plain text or HTML.
/// </summary>
internal static class IronicErrorBody
{
    private const int MaxMessageChars = 1024;

    /// <summary>
    /// Ironic's message, truncated and then redacted (by pattern, and every value in <paramref name="knownSecrets"/>);
    /// never throws.
    /// </summary>
    public static string ReadMessage(ReadOnlySpan<byte> body, IEnumerable<string>? knownSecrets = null)
    {
        string? message = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray());
            message = FromElement(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: plain text or an HTML page (Keystone's 503, a proxy's error page).
        }
        message ??= Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxMessageChars * 4)]).Trim();
        return SensitiveData.RedactKnownSecrets(message, knownSecrets ?? [], MaxMessageChars);
    }

    private static string? FromElement(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            string text = element.GetString() ?? string.Empty;
            // The double encoding: a JSON document inside a JSON string.
            try
            {
                using JsonDocument inner = JsonDocument.Parse(text);
                return FromElement(inner.RootElement) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (string key in (ReadOnlySpan<string>)["faultstring", "description", "message", "title"])
        {
            if (element.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        foreach (string key in (ReadOnlySpan<string>)["error_message", "error"])
        {
            if (element.TryGetProperty(key, out JsonElement nested) && FromElement(nested) is { } text)
            {
                return text;
            }
        }
        return null;
    }
}
