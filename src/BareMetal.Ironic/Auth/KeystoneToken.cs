namespace BareMetal.Ironic.Auth;

/// <summary>A token issued by Keystone, with what its answer said about it.</summary>
/// <param name="Value">The token (the <c>X-Subject-Token</c> header). A secret.</param>
/// <param name="IssuedAt">When this client received it, on its own clock.</param>
/// <param name="ExpiresAt">
/// When this client stops using it, on its own clock: receipt plus Keystone's lifetime (<c>expires_at</c> minus
/// <c>issued_at</c>), at most <see cref="KeystoneTokenProvider.MaxTokenLifetime"/>.
/// </param>
/// <param name="Catalog">The service catalog of the token's scope.</param>
internal sealed record KeystoneToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    IReadOnlyList<KeystoneCatalogEntry> Catalog)
{
    /// <summary>Keeps the token out of any printed record.</summary>
    public override string ToString() => $"KeystoneToken {{ ExpiresAt = {ExpiresAt:O} }}";
}
