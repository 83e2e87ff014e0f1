using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>
/// One JSON Patch operation for <c>PATCH /v1/nodes/{id}</c>. Ironic accepts only <c>add</c>, <c>replace</c> and
/// <c>remove</c>, so only those can be built. Paths are JSON Pointers; build nested ones with <see cref="PathOf"/>.
/// </summary>
public sealed record JsonPatchOperation
{
    private JsonPatchOperation(string op, string path, JsonElement? value)
    {
        if (path.Length < 2 || path[0] != '/')
        {
            throw new ArgumentException("A patch path is a JSON Pointer such as /instance_info/root_gb.", nameof(path));
        }
        Op = op;
        Path = path;
        Value = value;
    }

    /// <summary><c>add</c>, <c>replace</c> or <c>remove</c>.</summary>
    public string Op { get; }

    /// <summary>The JSON Pointer, e.g. <c>/instance_uuid</c>.</summary>
    public string Path { get; }

    /// <summary>The value; absent for <c>remove</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; }

    /// <summary>An <c>add</c> of a JSON value.</summary>
    public static JsonPatchOperation Add(string path, JsonElement value) => new("add", path, value.Clone());

    /// <summary>An <c>add</c> of a string.</summary>
    public static JsonPatchOperation Add(string path, string value) => Add(path, StringElement(value));

    /// <summary>A <c>replace</c> of a JSON value.</summary>
    public static JsonPatchOperation Replace(string path, JsonElement value) => new("replace", path, value.Clone());

    /// <summary>A <c>replace</c> with a string.</summary>
    public static JsonPatchOperation Replace(string path, string value) => Replace(path, StringElement(value));

    /// <summary>A <c>remove</c>.</summary>
    public static JsonPatchOperation Remove(string path) => new("remove", path, null);

    /// <summary>A JSON Pointer from segments, escaping <c>~</c> and <c>/</c> inside them (RFC 6901).</summary>
    public static string PathOf(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Length == 0 || segments.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A patch path needs at least one non-empty segment.", nameof(segments));
        }
        return string.Concat(segments.Select(s =>
            "/" + s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
    }

    private static JsonElement StringElement(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToElement(value, IronicJsonContext.Default.String);
    }
}
