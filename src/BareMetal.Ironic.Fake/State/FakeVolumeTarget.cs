using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>A volume target as the fake holds it.</summary>
internal sealed class FakeVolumeTarget : IFakeVolumeObject
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public required Guid NodeUuid { get; init; }
    public required string VolumeType { get; init; }
    public required int BootIndex { get; init; }
    public required string VolumeId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public JsonObject Properties { get; init; } = [];
    public JsonObject Extra { get; init; } = [];
}
