using System.Text.Json.Nodes;

namespace BareMetal.Ironic.Fake.State;

/// <summary>One node as the fake's database holds it. Only touched under <see cref="FakeIronic"/>'s lock.</summary>
internal sealed class FakeNode
{
    public required int Id { get; init; }
    public required Guid Uuid { get; init; }
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string Driver { get; set; } = "fake-hardware";
    public string ProvisionState { get; set; } = "enroll";
    public string? TargetProvisionState { get; set; }
    public DateTimeOffset? ProvisionUpdatedAt { get; set; }
    public string? PowerState { get; set; }
    public string? TargetPowerState { get; set; }
    public bool Maintenance { get; set; }
    public string? MaintenanceReason { get; set; }
    public string? Fault { get; set; }
    public string? LastError { get; set; }
    public Guid? InstanceUuid { get; set; }
    public JsonObject InstanceInfo { get; set; } = [];
    public JsonObject DriverInfo { get; set; } = [];
    public JsonObject DriverInternalInfo { get; set; } = [];
    public JsonObject Properties { get; set; } = [];
    public JsonObject Extra { get; set; } = [];
    public JsonObject NetworkData { get; set; } = [];
    public string? ResourceClass { get; set; }
    public List<string> Traits { get; } = [];
    public string ConductorGroup { get; set; } = "";
    public string? Shard { get; set; }
    public string? Owner { get; set; }
    public string? Lessee { get; set; }
    public string? Description { get; set; }
    public bool? AutomatedClean { get; set; }
    public bool Protected { get; set; }
    public string? ProtectedReason { get; set; }
    public bool Retired { get; set; }
    public string? RetiredReason { get; set; }
    public Guid? ChassisUuid { get; set; }
    public bool ConsoleEnabled { get; set; }
    public string? Reservation { get; set; }
    public Guid? AllocationUuid { get; set; }
    public Dictionary<string, string> Interfaces { get; } = new(FakeNodeDefaults.Interfaces);

    /// <summary>The conductor work running on the node, if any: it holds the lock while its current step says so.</summary>
    public FakeOperation? Pending { get; set; }

    /// <summary>A failure a test asked for: the next operation of this kind ends in its failure state with this message.</summary>
    public Dictionary<FakeOperationKind, string> FailNext { get; } = [];

    /// <summary>True while a test holds the node in its current transient state.</summary>
    public bool Held { get; set; }

    public string? Interface(string kind) => Interfaces.GetValueOrDefault(kind);
}
