using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace BareMetal.Ironic.Tests.Support;

/// <summary>
/// An HttpMessageHandler that answers from a script, in order, and records every request it saw. The version
/// document is always answered (unless scripted) so tests script only the calls they are about.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string ServerMaximum { get; set; } = "1.82";

    public IEnumerable<RecordedRequest> NonDiscovery => Requests.Where(r => r.Path != "/");

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public ScriptedHandler Then(Func<HttpRequestMessage, HttpResponseMessage> step) => Then((r, _) => Task.FromResult(step(r)));

    public ScriptedHandler Then(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? headers = null) =>
        Then(_ => { var r = Json(status, json); headers?.Invoke(r); return r; });

    public ScriptedHandler ThenError(HttpStatusCode status, string faultstring) =>
        Then(status, ErrorBody(faultstring));

    public ScriptedHandler ThenSample(string file) => Then(_ => IronicSample.Load(file).ToResponse());

    public ScriptedHandler ThenThrow(HttpRequestError error) =>
        Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(error, "scripted failure")));

    public ScriptedHandler ThenHang() =>
        Then(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); throw new InvalidOperationException(); });

    public static string ErrorBody(string faultstring) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error_message"] = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?> { ["faultcode"] = "Client", ["faultstring"] = faultstring, ["debuginfo"] = null }),
        });

    public static HttpResponseMessage Json(HttpStatusCode status, string? json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? string.Empty, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Openstack-Request-Id", "req-" + Guid.NewGuid());
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.Host, request.RequestUri.AbsolutePath, request.RequestUri.Query,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        if (request.RequestUri.AbsolutePath == "/")
        {
            return Json(HttpStatusCode.OK,
                $$"""{"name":"OpenStack Ironic API","default_version":{"id":"v1","status":"CURRENT","min_version":"1.1","version":"{{ServerMaximum}}"},"versions":[]}""");
        }
        return _script.TryDequeue(out var step)
            ? await step(request, cancellationToken)
            : throw new InvalidOperationException($"Unscripted request {request.Method} {request.RequestUri}");
    }
}

internal sealed record RecordedRequest(string Method, string Host, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
