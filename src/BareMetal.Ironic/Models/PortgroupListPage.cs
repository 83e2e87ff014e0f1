namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/portgroups/detail</c>.</summary>
/// <param name="Portgroups">The portgroups.</param>
/// <param name="Next">Link to the next page, present whenever the page is full.</param>
internal sealed record PortgroupListPage(IReadOnlyList<Portgroup> Portgroups, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Portgroups, "portgroups");
}
