using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>A volume connector as the fake holds it.</summary>
internal sealed class FakeVolumeConnector : IFakeVolumeObject
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public required Guid NodeUuid { get; init; }
    public required string Type { get; init; }
    public required string ConnectorId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public JsonObject Extra { get; init; } = [];
}
