namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>GET</c>/<c>PUT /v1/nodes/{id}/traits</c>.</summary>
/// <param name="Traits">The node's traits.</param>
public sealed record TraitList(IReadOnlyList<string> Traits) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Traits, "traits");
}
