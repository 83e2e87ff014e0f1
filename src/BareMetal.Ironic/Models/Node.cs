using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>
/// An Ironic node as returned by <c>GET /v1/nodes[/{id}]</c>. Every field but <see cref="Uuid"/> is optional:
/// a list returns only the fields asked for with <c>fields=</c>, and older microversions omit newer fields.
/// Unknown fields are ignored.
/// </summary>
public sealed record Node : IWireShape
{
    /// <summary><c>uuid</c>.</summary>
    public required NodeId Uuid { get; init; }
    /// <summary><c>name</c> (1.5).</summary>
    public string? Name { get; init; }
    /// <summary><c>instance_uuid</c>: the instance that owns the node, the only reservation primitive.</summary>
    public InstanceId? InstanceUuid { get; init; }
    /// <summary><c>instance_info</c>: deployment parameters. Secrets come back masked as <c>******</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? InstanceInfo { get; init; }
    /// <summary><c>power_state</c>; null when unknown.</summary>
    public PowerState? PowerState { get; init; }
    /// <summary><c>target_power_state</c>: non-null while a power action runs.</summary>
    public PowerState? TargetPowerState { get; init; }
    /// <summary><c>provision_state</c>; null means <c>available</c> below API 1.2.</summary>
    public ProvisionState? ProvisionState { get; init; }
    /// <summary><c>target_provision_state</c>: non-null while a transition runs.</summary>
    public ProvisionState? TargetProvisionState { get; init; }
    /// <summary><c>provision_updated_at</c>.</summary>
    public DateTimeOffset? ProvisionUpdatedAt { get; init; }
    /// <summary><c>last_error</c>.</summary>
    public string? LastError { get; init; }
    /// <summary><c>maintenance</c>; false when the field was not selected.</summary>
    public bool Maintenance { get; init; }
    /// <summary><c>maintenance_reason</c>.</summary>
    public string? MaintenanceReason { get; init; }
    /// <summary><c>fault</c> (1.42).</summary>
    public string? Fault { get; init; }
    /// <summary><c>reservation</c>: the conductor holding the node's lock, or null.</summary>
    public string? Reservation { get; init; }
    /// <summary><c>properties</c>: <c>cpus</c>, <c>memory_mb</c>, <c>local_gb</c>, <c>cpu_arch</c>, <c>capabilities</c>…</summary>
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }
    /// <summary><c>resource_class</c> (1.21).</summary>
    public string? ResourceClass { get; init; }
    /// <summary><c>traits</c> (1.37).</summary>
    public IReadOnlyList<string>? Traits { get; init; }
    /// <summary><c>conductor_group</c> (1.46).</summary>
    public string? ConductorGroup { get; init; }
    /// <summary><c>shard</c> (1.82).</summary>
    public string? Shard { get; init; }
    /// <summary><c>allocation_uuid</c> (1.52): the allocation that holds the node.</summary>
    public AllocationId? AllocationUuid { get; init; }
    /// <summary><c>boot_mode</c> (1.75): <c>uefi</c> or <c>bios</c> as the node boots now, or null when unknown.</summary>
    public string? BootMode { get; init; }
    /// <summary><c>secure_boot</c> (1.75): whether UEFI secure boot is on, or null when unknown.</summary>
    public bool? SecureBoot { get; init; }
    /// <summary><c>console_enabled</c>.</summary>
    public bool? ConsoleEnabled { get; init; }
    /// <summary><c>driver</c>: the hardware type.</summary>
    public string? Driver { get; init; }
    /// <summary><c>driver_info</c>: BMC credentials, masked unless the caller may see secrets.</summary>
    public IReadOnlyDictionary<string, JsonElement>? DriverInfo { get; init; }
    /// <summary><c>driver_internal_info</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? DriverInternalInfo { get; init; }
    /// <summary><c>protected</c> (1.48): protected nodes refuse undeploy and rebuild.</summary>
    public bool? Protected { get; init; }
    /// <summary><c>owner</c> (1.50).</summary>
    public string? Owner { get; init; }
    /// <summary><c>lessee</c> (1.65).</summary>
    public string? Lessee { get; init; }
    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary><c>updated_at</c>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    string? IWireShape.Defect => WireShape.OfList(Traits, "traits", required: false);
}
