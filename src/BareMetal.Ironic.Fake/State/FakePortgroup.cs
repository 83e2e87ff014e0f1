using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>A portgroup (bond) as the fake holds it.</summary>
internal sealed class FakePortgroup
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public required Guid NodeUuid { get; init; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Mode { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public JsonObject Extra { get; set; } = [];
    public JsonObject InternalInfo { get; set; } = [];
    public JsonObject Properties { get; set; } = [];
    public bool StandalonePortsSupported { get; set; } = true;
}
