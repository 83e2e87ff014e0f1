using System.Net;
using BareMetal.Ironic.Fake.Api;
using BareMetal.Ironic.Fake.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BareMetal.Ironic.Fake.Hosting;

/// <summary>
/// A <see cref="FakeIronic"/> served by Kestrel on 127.0.0.1, for clients in other processes (the CLI, Python tools).
/// Dropped connections and truncated bodies are real aborted connections.
/// </summary>
public sealed class FakeIronicServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeIronicServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL clients use, e.g. <c>http://127.0.0.1:6385</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts serving on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<FakeIronicServer> StartAsync(FakeIronic fake, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, port);
        });
        WebApplication app = builder.Build();
        app.Run(context => ServeAsync(fake, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeIronicServer(app, new Uri(address));
    }

    private static async Task ServeAsync(FakeIronic fake, HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        HttpRequest request = context.Request;
        FakeExchange exchange = await fake.ExchangeAsync(new FakeRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.QueryString.Value?.TrimStart('?') ?? "",
            Header = name => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null,
            Body = body.ToArray(),
            PublicUrl = new Uri($"{request.Scheme}://{request.Host}"),
        }, context.RequestAborted).ConfigureAwait(false);

        if (exchange.Response is not { } response)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = (int)response.Status;
        foreach ((string name, string value) in response.Headers) { context.Response.Headers.Append(name, value); }
        byte[] payload = response.Body ?? [];
        if (exchange.Fault == FakeFaultKind.MalformedBody && payload.Length > 0) { payload = FakeExchange.Garbage; }
        context.Response.ContentLength = payload.Length;
        if (payload.Length == 0) { return; }
        if (exchange.Fault == FakeFaultKind.TruncatedBody)
        {
            await context.Response.Body.WriteAsync(payload.AsMemory(0, payload.Length / 2), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(payload, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
