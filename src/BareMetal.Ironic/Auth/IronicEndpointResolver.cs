namespace BareMetal.Ironic.Auth;

/// <summary>
/// Ironic's base URL: the configured endpoint, or the Keystone catalog's <c>baremetal</c> endpoint. Normalised to end in
/// a slash and not in <c>/v1</c> (catalog URLs come both ways), so <c>v1/...</c> paths append to it.
/// </summary>
internal sealed class IronicEndpointResolver(Uri? configured, KeystoneTokenProvider? keystone)
{
    private Uri? _endpoint = configured is null ? null : Normalize(configured);

    public async ValueTask<Uri> GetAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is { } known)
        {
            return known;
        }
        Uri fromCatalog = await (keystone ?? throw new InvalidOperationException("No Ironic endpoint is configured and Keystone auth is " +
            "off."))
            .GetCatalogEndpointAsync(cancellationToken).ConfigureAwait(false);
        return _endpoint = Normalize(fromCatalog);
    }

    internal static Uri Normalize(Uri endpoint)
    {
        string text = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (text.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3];
        }
        return new Uri(text + "/");
    }
}
