using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Models;

/// <summary>
/// Node field names for <c>fields=</c>, with the microversion each needs. Only these are accepted: an unknown field
/// makes Ironic 21.4 answer 500, and a field too new for the negotiated version answers 406.
/// </summary>
public static class NodeFields
{
    private static readonly Dictionary<string, ApiVersion> Known = new(StringComparer.Ordinal)
    {
        ["uuid"] = new(1, 1), ["name"] = new(1, 5), ["instance_uuid"] = new(1, 1), ["instance_info"] = new(1, 1),
        ["power_state"] = new(1, 1), ["target_power_state"] = new(1, 1), ["provision_state"] = new(1, 1),
        ["target_provision_state"] = new(1, 1), ["provision_updated_at"] = new(1, 1), ["last_error"] = new(1, 1),
        ["maintenance"] = new(1, 1), ["maintenance_reason"] = new(1, 1), ["reservation"] = new(1, 1),
        ["properties"] = new(1, 1), ["console_enabled"] = new(1, 1), ["driver"] = new(1, 1), ["driver_info"] = new(1, 1),
        ["driver_internal_info"] = new(1, 1), ["created_at"] = new(1, 1), ["updated_at"] = new(1, 1),
        ["resource_class"] = new(1, 21), ["traits"] = new(1, 37), ["fault"] = new(1, 42), ["conductor_group"] = new(1, 46),
        ["protected"] = new(1, 48), ["owner"] = new(1, 50), ["lessee"] = new(1, 65), ["shard"] = new(1, 82),
        ["allocation_uuid"] = new(1, 52), ["boot_mode"] = new(1, 75), ["secure_boot"] = new(1, 75),
    };

    /// <summary>The fields the compute driver reads (Nova's <c>_NODE_FIELDS</c>, in API names).</summary>
    public static IReadOnlyList<string> Driver { get; } =
    [
        "uuid", "power_state", "target_power_state", "provision_state", "target_provision_state", "last_error",
        "maintenance", "properties", "instance_uuid", "traits", "resource_class",
    ];

    /// <summary>The microversion a field needs, or null when the field is unknown.</summary>
    public static ApiVersion? MinimumVersion(string field) => Known.TryGetValue(field, out ApiVersion v) ? v : null;
}
