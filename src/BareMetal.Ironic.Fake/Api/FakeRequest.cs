namespace BareMetal.Ironic.Fake.Api;

/// <summary>One HTTP request as the fake sees it, whichever host (in-process handler or Kestrel) received it.</summary>
internal sealed class FakeRequest
{
    public required string Method { get; init; }

    /// <summary>The path without the query, e.g. <c>/v1/nodes/abc/vifs</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query without <c>?</c>.</summary>
    public string Query { get; init; } = "";

    public required Func<string, string?> Header { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>Scheme, host and port the client used; links and <c>Location</c> point there.</summary>
    public required Uri PublicUrl { get; init; }

    public string PathAndQuery => Query.Length == 0 ? Path : $"{Path}?{Query}";
}
