namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>GET /v1/nodes/{id}/vifs</c>.</summary>
/// <param name="Vifs">The attached VIFs.</param>
internal sealed record VifList(IReadOnlyList<Vif> Vifs) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Vifs, "vifs");
}
