using System.Globalization;
using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>RFC 6902 add, replace and remove over a node's patch document, with Ironic's checks and messages.</summary>
internal static class JsonPatch
{
    private static readonly string[] Objects = ["driver_info", "extra", "instance_info", "network_data", "properties"];
    private static readonly string[] Booleans = ["maintenance", "protected", "retired"];

    public static void Apply(JsonObject doc, JsonNode? operation, IReadOnlyList<string> patchable, RequestVersion version)
    {
        string? op = (operation as JsonObject)?["op"]?.GetValue<string>();
        string? path = (operation as JsonObject)?["path"]?.GetValue<string>();
        if (op is null || path is null || !path.StartsWith('/') || op is not ("add" or "replace" or "remove"))
        {
            throw IronicFaultException.BadRequest(
                $"Schema error for patch: {FakeJson.PythonRepr(operation)} is not valid under any of the given schemas");
        }
        // JSON Pointer escapes: ~1 is '/', ~0 is '~' (in that order).
        string[] segments = [.. path[1..].Split('/').Select(Unescape)];
        string field = segments[0];
        if (!patchable.Contains(field))
        {
            throw IronicFaultException.BadRequest(
                $"Cannot patch {path}. Only the following can be updated: {string.Join(", ", patchable)}");
        }
        version.Require(NodeWriter.SinceVersion(field));
        JsonObject body = (JsonObject)operation!;
        if (op != "remove" && !body.ContainsKey("value"))
        {
            throw IronicFaultException.BadRequest($"Schema error for patch: 'value' is a required property for '{op}'");
        }
        JsonNode? value = body["value"]?.DeepClone();

        if (segments.Length == 1)
        {
            doc[field] = op == "remove" ? Default(field) : value;
            return;
        }
        JsonNode container = Navigate(doc, segments[..^1], operation)
            ?? throw Refused(operation, $"can't {op} a member of a non-existent object '{string.Join('/', segments[..^1])}'");
        string key = segments[^1];
        switch (container)
        {
            case JsonObject parent:
                if (op != "add" && !parent.ContainsKey(key))
                {
                    throw Refused(operation, $"can't {op} a non-existent object '{key}'");
                }
                if (op == "remove") { parent.Remove(key); }
                else { parent[key] = value; }
                break;
            case JsonArray array:
                int index = key == "-" && op == "add" ? array.Count
                    : int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int i)
                        && i <= array.Count - (op == "add" ? 0 : 1) ? i
                    : throw Refused(operation, $"index '{key}' is out of bounds");
                if (op != "add") { array.RemoveAt(index); }
                if (op != "remove") { array.Insert(index, value); }
                break;
            default:
                throw Refused(operation, $"can't {op} a member of '{string.Join('/', segments[..^1])}', which is not a container");
        }
    }

    private static JsonNode? Navigate(JsonObject doc, string[] segments, JsonNode? operation)
    {
        JsonNode? current = doc;
        foreach (string segment in segments)
        {
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < a.Count => a[i],
                _ => throw Refused(operation, $"can't navigate to '{segment}'"),
            };
        }
        return current;
    }

    private static JsonNode? Default(string field) =>
        Objects.Contains(field) ? new JsonObject() : Booleans.Contains(field) ? JsonValue.Create(false) : null;

    private static IronicFaultException Refused(JsonNode? operation, string reason) =>
        IronicFaultException.BadRequest($"Couldn't apply patch '[{FakeJson.PythonRepr(operation)}]'. Reason: {reason}");

    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
