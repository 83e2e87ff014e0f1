using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>POST /v1/nodes/{id}/vifs</c>: which VIF, and optionally which port or portgroup (1.67).</summary>
/// <param name="Id">The VIF to attach.</param>
/// <param name="PortUuid">Attach to this port (API 1.67).</param>
/// <param name="PortgroupUuid">Attach to this portgroup (API 1.67).</param>
public sealed record VifAttachment(VifId Id, PortId? PortUuid = null, PortgroupId? PortgroupUuid = null);
