using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>A port as the fake holds it.</summary>
internal sealed class FakePort
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public required Guid NodeUuid { get; init; }
    public required string Address { get; set; }
    public Guid? PortgroupUuid { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public JsonObject Extra { get; set; } = [];
    public JsonObject InternalInfo { get; set; } = [];
    public JsonObject LocalLinkConnection { get; set; } = [];
    public bool PxeEnabled { get; set; } = true;
    public string? PhysicalNetwork { get; set; }
    public bool IsSmartNic { get; set; }
}
