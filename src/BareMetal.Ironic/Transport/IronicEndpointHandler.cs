using BareMetal.Ironic.Auth;

namespace BareMetal.Ironic.Transport;

/// <summary>
/// Puts each request on Ironic's real endpoint, once per call: the configured one or the Keystone catalog's, which is
/// only known after a login. Refit builds requests on <see cref="Placeholder"/>.
/// </summary>
internal sealed class IronicEndpointHandler(IronicEndpointResolver endpoints) : DelegatingHandler
{
    /// <summary>The base address the Refit client is created with; never contacted.</summary>
    public static readonly Uri Placeholder = new("http://ironic.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri endpoint = await endpoints.GetAsync(cancellationToken).ConfigureAwait(false);
        // The placeholder's path is "/", so the request's path and query (as escaped) are relative to the endpoint.
        string relative = request.RequestUri!.PathAndQuery.TrimStart('/');
        request.RequestUri = relative.Length == 0 ? endpoint : new Uri(endpoint, relative);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
