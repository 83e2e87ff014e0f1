namespace BareMetal.Ironic.Models;

/// <summary>One interface's entry in <c>GET /v1/nodes/{id}/validate</c>.</summary>
/// <param name="Result">True when valid; null when Ironic did not say (interface not applicable).</param>
/// <param name="Reason">Why it is not valid.</param>
public sealed record InterfaceValidation(bool? Result, string? Reason);
