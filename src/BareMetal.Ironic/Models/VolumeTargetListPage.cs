namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/volume/targets?detail=True</c>.</summary>
/// <param name="Targets">The targets.</param>
/// <param name="Next">Link to the next page, present whenever the page is full.</param>
internal sealed record VolumeTargetListPage(IReadOnlyList<VolumeTarget> Targets, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Targets, "targets");
}
