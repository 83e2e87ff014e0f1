namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/volume/connectors?detail=True</c>.</summary>
/// <param name="Connectors">The connectors.</param>
/// <param name="Next">Link to the next page, present whenever the page is full.</param>
internal sealed record VolumeConnectorListPage(IReadOnlyList<VolumeConnector> Connectors, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Connectors, "connectors");
}
