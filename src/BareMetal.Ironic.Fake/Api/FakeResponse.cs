using System.Net;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>The fake's answer before a host writes it.</summary>
internal sealed class FakeResponse(HttpStatusCode status)
{
    public HttpStatusCode Status { get; set; } = status;
    public List<KeyValuePair<string, string>> Headers { get; } = [];
    public byte[]? Body { get; set; }

    public void AddHeader(string name, string value) => Headers.Add(new(name, value));
}
