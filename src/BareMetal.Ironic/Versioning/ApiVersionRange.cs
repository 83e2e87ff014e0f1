namespace BareMetal.Ironic.Versioning;

/// <summary>What version discovery found and what this client will send.</summary>
/// <param name="ServerMinimum">The server's lowest microversion.</param>
/// <param name="ServerMaximum">The server's highest microversion.</param>
/// <param name="Negotiated">The version sent on every call: the lower of the server's maximum and the client's.</param>
public sealed record ApiVersionRange(ApiVersion ServerMinimum, ApiVersion ServerMaximum, ApiVersion Negotiated)
{
    /// <summary>True when the negotiated version supports <paramref name="feature"/>.</summary>
    public bool Supports(IronicFeature feature) => Negotiated >= IronicFeatures.MinimumVersion(feature);
}
