namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>PUT /v1/nodes/{id}/states/power</c>.</summary>
/// <param name="Target">One of the five power targets.</param>
/// <param name="Timeout">Seconds Ironic waits for the change (API 1.27); positive when given.</param>
internal sealed record PowerRequest(PowerTarget Target, int? Timeout = null);
