using System.Net;
using BareMetal.Ironic.Logging;
using Microsoft.Extensions.Logging;

namespace BareMetal.Ironic.Auth;

/// <summary>
/// Adds credentials to every Ironic request; on a 401 it fetches a new token once and sends the request once more
/// (an expired or revoked Keystone token), as Nova drops its cached client on Unauthorized.
/// </summary>
internal sealed class IronicAuthHandler(IIronicCredentials credentials, ILogger<IronicAuthHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? sent = await credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !credentials.Invalidate(sent))
        {
            return response;
        }
        logger.TokenRejected(request.Method.Method, SensitiveData.RedactUrl(request.RequestUri!));
        response.Dispose();
        await credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
