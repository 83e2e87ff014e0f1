using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>Writes JSON bodies the way Ironic formats them (timestamps, links, masked secrets).</summary>
internal static class FakeJson
{
    private static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) { write(writer); }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Ironic's timestamp form: <c>2026-11-21T10:20:06.152322+00:00</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";

    public static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t) { writer.WriteString(name, Timestamp(t)); }
        else { writer.WriteNull(name); }
    }

    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) { writer.WriteNull(name); }
        else { writer.WriteString(name, value); }
    }

    public static void WriteObject(Utf8JsonWriter writer, string name, JsonObject value)
    {
        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }

    /// <summary>The <c>self</c> and <c>bookmark</c> pair Ironic puts on every resource.</summary>
    public static void WriteLinks(Utf8JsonWriter writer, string name, Uri publicUrl, string resourcePath)
    {
        string root = publicUrl.GetLeftPart(UriPartial.Authority);
        writer.WriteStartArray(name);
        writer.WriteStartObject();
        writer.WriteString("href", $"{root}/v1/{resourcePath}");
        writer.WriteString("rel", "self");
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("href", $"{root}/{resourcePath}");
        writer.WriteString("rel", "bookmark");
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>Ironic's error body: a JSON string holding a second JSON document, spaced as Python's json.dumps.</summary>
    public static byte[] Error(string message, bool serverFault) =>
        Wrapped($"{{\"faultcode\": \"{(serverFault ? "Server" : "Client")}\", \"faultstring\": {Quoted(message)}, \"debuginfo\": null}}");

    /// <summary>The error body of Ironic's routing and version middleware: <c>{code, title, description}</c> inside the string.</summary>
    public static byte[] MiddlewareError(int code, string title, string description) =>
        Wrapped(string.Create(CultureInfo.InvariantCulture,
            $"{{\"code\": {code}, \"title\": {Quoted(title)}, \"description\": {Quoted(description)}}}"));

    private static string Quoted(string text) => System.Text.Encoding.UTF8.GetString(Write(w => w.WriteStringValue(text)));

    private static byte[] Wrapped(string inner) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("error_message", inner);
        w.WriteEndObject();
    });

    /// <summary>A copy of <paramref name="source"/> with secret values replaced by Ironic's mask.</summary>
    public static JsonObject Masked(JsonObject source, Func<string, bool> isSecret)
    {
        var copy = new JsonObject();
        foreach ((string key, JsonNode? value) in source)
        {
            copy[key] = isSecret(key) && value is not null ? "******" : value?.DeepClone();
        }
        return copy;
    }

    /// <summary>How Python prints a JSON value (<c>{'op': 'add'}</c>): Ironic's schema errors quote the body that way.</summary>
    public static string PythonRepr(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{Quote(p.Key)}: {PythonRepr(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(PythonRepr)) + "]",
        JsonValue v when v.TryGetValue(out string? s) => Quote(s),
        JsonValue v when v.TryGetValue(out bool b) => b ? "True" : "False",
        _ => node.ToJsonString(),
    };

    private static string Quote(string s) =>
        "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
