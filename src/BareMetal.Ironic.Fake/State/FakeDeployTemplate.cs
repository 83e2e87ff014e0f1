using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>A deploy template as the fake holds it.</summary>
internal sealed class FakeDeployTemplate
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public required string Name { get; init; }
    public required JsonArray Steps { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public JsonObject Extra { get; init; } = [];
}
