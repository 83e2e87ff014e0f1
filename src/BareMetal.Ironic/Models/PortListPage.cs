namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/ports/detail</c>.</summary>
/// <param name="Ports">The ports.</param>
/// <param name="Next">Link to the next page, present whenever the page is full.</param>
internal sealed record PortListPage(IReadOnlyList<Port> Ports, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Ports, "ports");
}
