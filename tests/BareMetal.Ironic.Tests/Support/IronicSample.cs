using System.Net;
using System.Text;
using System.Text.Json;

namespace BareMetal.Ironic.Tests.Support;

/// <summary>One captured real request/response from <c>tests/data/ironic/samples</c>.</summary>
internal sealed record IronicSample(string File, string Method, string Path, int Status, IReadOnlyDictionary<string, string> Headers, string? BodyJson)
{
    public static IronicSample Load(string file)
    {
        using JsonDocument doc = JsonDocument.Parse(System.IO.File.ReadAllText(RepositoryFiles.TestData("ironic", "samples", file)));
        JsonElement request = doc.RootElement.GetProperty("request");
        JsonElement response = doc.RootElement.GetProperty("response");
        var headers = response.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
        JsonElement body = response.GetProperty("body");
        return new IronicSample(file, request.GetProperty("method").GetString()!, request.GetProperty("path").GetString()!,
            response.GetProperty("status").GetInt32(), headers, body.ValueKind == JsonValueKind.Null ? null : body.GetRawText());
    }

    public static IEnumerable<string> All() =>
        Directory.GetFiles(RepositoryFiles.TestData("ironic", "samples"), "*.json").Select(System.IO.Path.GetFileName).Order()!;

    public byte[] BodyBytes => BodyJson is null ? [] : Encoding.UTF8.GetBytes(BodyJson);

    /// <summary>The response as Ironic sent it (status, headers, body).</summary>
    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = new ByteArrayContent(BodyBytes) };
        foreach ((string name, string value) in Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.Remove(name);
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return response;
    }
}
