namespace BareMetal.Ironic.Models;

/// <summary>One page of <c>GET /v1/allocations</c>.</summary>
/// <param name="Allocations">The allocations.</param>
/// <param name="Next">Link to the next page, present whenever the page is full.</param>
internal sealed record AllocationListPage(IReadOnlyList<Allocation> Allocations, string? Next) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(Allocations, "allocations");
}
