namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/nodes</c>. <see cref="Next"/> only says that more may follow: it drops most filters.</summary>
/// <param name="Nodes">The nodes of this page.</param>
/// <param name="Next">Ironic's link to the next page, present whenever the page is full.</param>
internal sealed record NodeListPage(IReadOnlyList<Node> Nodes, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Nodes, "nodes");
}
