namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>GET /</c>: Ironic's version discovery document.</summary>
/// <param name="Name">Service name.</param>
/// <param name="DefaultVersion">The v1 API with its microversion range.</param>
/// <param name="Versions">Every major version the server offers.</param>
internal sealed record ApiVersionDocument(string? Name, ApiVersionInfo? DefaultVersion, IReadOnlyList<ApiVersionInfo>? Versions);

/// <summary>One major API version and its microversion range.</summary>
/// <param name="Id">Major version id, <c>v1</c>.</param>
/// <param name="Status">Usually <c>CURRENT</c>.</param>
/// <param name="MinVersion">The lowest microversion, e.g. <c>1.1</c>.</param>
/// <param name="Version">The highest microversion, e.g. <c>1.82</c>.</param>
internal sealed record ApiVersionInfo(string? Id, string? Status, string? MinVersion, string? Version);
