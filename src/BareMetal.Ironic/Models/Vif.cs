using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>A VIF attached to a node, as listed by <c>GET /v1/nodes/{id}/vifs</c>.</summary>
/// <param name="Id">The VIF (Neutron port) id.</param>
public sealed record Vif(VifId Id);
