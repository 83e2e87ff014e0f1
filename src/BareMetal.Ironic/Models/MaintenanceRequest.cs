namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>PUT /v1/nodes/{id}/maintenance</c>.</summary>
internal sealed record MaintenanceRequest(string? Reason);
