using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>An allocation as the fake holds it.</summary>
internal sealed class FakeAllocation
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public string? Name { get; init; }
    public required string ResourceClass { get; init; }
    public List<string> Traits { get; init; } = [];
    public List<string> CandidateNodes { get; init; } = [];
    public string State { get; set; } = "allocating";
    public Guid? NodeUuid { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public JsonObject Extra { get; init; } = [];
}
