using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.State;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>A node's JSON as Ironic 21.4 renders it: field order, microversion gates, field selection and masking.</summary>
internal static class NodeWriter
{
    /// <summary>Every node field in Ironic's output order, with the minor version that introduced it (0: always).</summary>
    private static readonly (string Name, int Since)[] Fields =
    [
        ("uuid", 0), ("created_at", 0), ("updated_at", 0), ("automated_clean", 47), ("bios_interface", 40), ("boot_interface", 31),
        ("boot_mode", 75), ("clean_step", 7), ("conductor_group", 46), ("console_enabled", 0), ("console_interface", 31),
        ("deploy_interface", 31), ("deploy_step", 44), ("description", 51), ("driver", 0), ("driver_info", 0),
        ("driver_internal_info", 3), ("extra", 0), ("fault", 42), ("inspection_finished_at", 6), ("inspection_started_at", 6),
        ("inspect_interface", 31), ("instance_info", 0), ("instance_uuid", 0), ("last_error", 0), ("lessee", 65),
        ("maintenance", 0), ("maintenance_reason", 0), ("management_interface", 31), ("name", 5), ("network_data", 66),
        ("network_interface", 20), ("owner", 50), ("power_interface", 31), ("power_state", 0), ("properties", 0),
        ("protected", 48), ("protected_reason", 48), ("provision_state", 0), ("provision_updated_at", 0), ("raid_config", 12),
        ("raid_interface", 31), ("rescue_interface", 38), ("reservation", 0), ("resource_class", 21), ("retired", 61),
        ("retired_reason", 61), ("secure_boot", 75), ("shard", 82), ("storage_interface", 33), ("target_power_state", 0),
        ("target_provision_state", 0), ("target_raid_config", 12), ("traits", 37), ("vendor_interface", 31),
    ];

    private static readonly Dictionary<string, int> SinceByName = Fields.ToDictionary(f => f.Name, f => f.Since);

    /// <summary>What a list without <c>fields</c> or <c>detail</c> returns (Ironic's <c>_DEFAULT_RETURN_FIELDS</c>).</summary>
    public static readonly IReadOnlyList<string> DefaultListFields =
        ["instance_uuid", "maintenance", "power_state", "provision_state", "uuid", "name"];

    /// <summary>
    /// Checks a <c>fields=</c> selection as Ironic 21.4 does: a field newer than the request's version is 406, and an
    /// unknown one (or <c>conductor</c>, which Ironic cannot select) is a 500 from its database layer.
    /// </summary>
    public static void CheckSelectable(IReadOnlyList<string> fields, RequestVersion version)
    {
        foreach (string field in fields)
        {
            if (!SinceByName.TryGetValue(field, out int since))
            {
                throw new IronicFaultException(
                    System.Net.HttpStatusCode.InternalServerError, $"type object 'Node' has no attribute '{field}'", serverFault: true);
            }
            version.Require(since);
        }
    }

    public static int SinceVersion(string field) => SinceByName.GetValueOrDefault(field);

    /// <summary>
    /// Writes one node: all fields of the version, or only <paramref name="fields"/> (uuid, created_at, updated_at
    /// first, as Ironic orders them).
    /// </summary>
    public static void Write(Utf8JsonWriter w, FakeNode node, RequestVersion version, Uri publicUrl, IReadOnlyList<string>? fields,
        string conductor)
    {
        w.WriteStartObject();
        if (fields is null)
        {
            foreach ((string name, int since) in Fields)
            {
                if (version.AtLeast(since)) { WriteField(w, node, name, version); }
            }
            WriteLinks(w, node, version, publicUrl, conductor);
        }
        else
        {
            foreach (string first in (ReadOnlySpan<string>)["uuid", "created_at", "updated_at"])
            {
                if (fields.Contains(first)) { WriteField(w, node, first, version); }
            }
            foreach (string name in fields.Distinct())
            {
                if (name is not ("uuid" or "created_at" or "updated_at")) { WriteField(w, node, name, version); }
            }
            FakeJson.WriteLinks(w, "links", publicUrl, $"nodes/{node.Uuid}");
        }
        w.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter w, FakeNode node, RequestVersion version, Uri publicUrl, string conductor)
    {
        string self = $"nodes/{node.Uuid}";
        FakeJson.WriteLinks(w, "links", publicUrl, self);
        if (version.AtLeast(49)) { w.WriteString("conductor", conductor); }
        if (version.AtLeast(52)) { FakeJson.WriteStringOrNull(w, "allocation_uuid", node.AllocationUuid?.ToString()); }
        FakeJson.WriteStringOrNull(w, "chassis_uuid", node.ChassisUuid?.ToString());
        FakeJson.WriteLinks(w, "ports", publicUrl, $"{self}/ports");
        if (version.AtLeast(14)) { FakeJson.WriteLinks(w, "states", publicUrl, $"{self}/states"); }
        if (version.AtLeast(24)) { FakeJson.WriteLinks(w, "portgroups", publicUrl, $"{self}/portgroups"); }
        if (version.AtLeast(32)) { FakeJson.WriteLinks(w, "volume", publicUrl, $"{self}/volume"); }
    }

    private static void WriteField(Utf8JsonWriter w, FakeNode n, string name, RequestVersion version)
    {
        switch (name)
        {
            case "uuid": w.WriteString(name, n.Uuid.ToString()); break;
            case "created_at": FakeJson.WriteTimestamp(w, name, n.CreatedAt); break;
            case "updated_at": FakeJson.WriteTimestamp(w, name, n.UpdatedAt); break;
            case "automated_clean": WriteBool(w, name, n.AutomatedClean); break;
            case "description": FakeJson.WriteStringOrNull(w, name, n.Description); break;
            case "boot_mode" or "secure_boot": w.WriteNull(name); break;
            case "clean_step" or "deploy_step" or "raid_config" or "target_raid_config":
                w.WriteStartObject(name);
                w.WriteEndObject();
                break;
            case "conductor_group": w.WriteString(name, n.ConductorGroup); break;
            case "console_enabled": w.WriteBoolean(name, n.ConsoleEnabled); break;
            case "driver": w.WriteString(name, n.Driver); break;
            case "driver_info":
                FakeJson.WriteObject(w, name,
                    FakeJson.Masked(n.DriverInfo, k => k.Contains("password", StringComparison.OrdinalIgnoreCase)));
                break;
            case "driver_internal_info": FakeJson.WriteObject(w, name, n.DriverInternalInfo); break;
            case "extra": FakeJson.WriteObject(w, name, n.Extra); break;
            case "fault": FakeJson.WriteStringOrNull(w, name, n.Fault); break;
            case "inspection_finished_at" or "inspection_started_at": w.WriteNull(name); break;
            case "instance_info":
                FakeJson.WriteObject(w, name,
                    FakeJson.Masked(n.InstanceInfo, k => k is "configdrive" or "rescue_password" or "image_url_password"));
                break;
            case "instance_uuid": FakeJson.WriteStringOrNull(w, name, n.InstanceUuid?.ToString()); break;
            case "last_error": FakeJson.WriteStringOrNull(w, name, n.LastError); break;
            case "lessee": FakeJson.WriteStringOrNull(w, name, n.Lessee); break;
            case "maintenance": w.WriteBoolean(name, n.Maintenance); break;
            case "maintenance_reason": FakeJson.WriteStringOrNull(w, name, n.MaintenanceReason); break;
            case "name": FakeJson.WriteStringOrNull(w, name, n.Name); break;
            case "network_data": FakeJson.WriteObject(w, name, n.NetworkData); break;
            case "owner": FakeJson.WriteStringOrNull(w, name, n.Owner); break;
            case "power_state": FakeJson.WriteStringOrNull(w, name, n.PowerState); break;
            case "properties": FakeJson.WriteObject(w, name, n.Properties); break;
            case "protected": w.WriteBoolean(name, n.Protected); break;
            case "protected_reason": FakeJson.WriteStringOrNull(w, name, n.ProtectedReason); break;
            // Below 1.2 Ironic still calls "available" by its old name, null.
            case "provision_state":
                FakeJson.WriteStringOrNull(w, name, n.ProvisionState == "available" && !version.AtLeast(2) ? null : n.ProvisionState);
                break;
            case "provision_updated_at": FakeJson.WriteTimestamp(w, name, n.ProvisionUpdatedAt); break;
            case "reservation": FakeJson.WriteStringOrNull(w, name, n.Reservation); break;
            case "resource_class": FakeJson.WriteStringOrNull(w, name, n.ResourceClass); break;
            case "retired": w.WriteBoolean(name, n.Retired); break;
            case "retired_reason": FakeJson.WriteStringOrNull(w, name, n.RetiredReason); break;
            case "shard": FakeJson.WriteStringOrNull(w, name, n.Shard); break;
            case "target_power_state": FakeJson.WriteStringOrNull(w, name, n.TargetPowerState); break;
            case "target_provision_state": FakeJson.WriteStringOrNull(w, name, n.TargetProvisionState); break;
            case "traits":
                w.WriteStartArray(name);
                foreach (string trait in n.Traits) { w.WriteStringValue(trait); }
                w.WriteEndArray();
                break;
            default:
                // The *_interface fields.
                FakeJson.WriteStringOrNull(w, name, n.Interface(name[..^"_interface".Length]));
                break;
        }
    }

    private static void WriteBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b) { w.WriteBoolean(name, b); }
        else { w.WriteNull(name); }
    }

    /// <summary>The body of <c>GET /v1/nodes/{id}/states</c>.</summary>
    public static void WriteStates(Utf8JsonWriter w, FakeNode n, RequestVersion version)
    {
        w.WriteStartObject();
        w.WriteBoolean("console_enabled", n.ConsoleEnabled);
        FakeJson.WriteStringOrNull(w, "last_error", n.LastError);
        FakeJson.WriteStringOrNull(w, "power_state", n.PowerState);
        WriteField(w, n, "provision_state", version);
        FakeJson.WriteStringOrNull(w, "target_power_state", n.TargetPowerState);
        FakeJson.WriteStringOrNull(w, "target_provision_state", n.TargetProvisionState);
        FakeJson.WriteTimestamp(w, "provision_updated_at", n.ProvisionUpdatedAt);
        if (version.AtLeast(12))
        {
            w.WriteStartObject("raid_config"); w.WriteEndObject();
            w.WriteStartObject("target_raid_config"); w.WriteEndObject();
        }
        if (version.AtLeast(75))
        {
            w.WriteNull("boot_mode");
            w.WriteNull("secure_boot");
        }
        w.WriteEndObject();
    }

    /// <summary>The node's patchable fields as one JSON document, the way Ironic applies a JSON patch.</summary>
    public static JsonObject ToPatchDocument(FakeNode n)
    {
        var doc = new JsonObject
        {
            ["automated_clean"] = n.AutomatedClean, ["chassis_uuid"] = n.ChassisUuid?.ToString(), ["conductor_group"] = n.ConductorGroup,
            ["description"] = n.Description, ["driver"] = n.Driver, ["driver_info"] = n.DriverInfo.DeepClone(),
            ["extra"] = n.Extra.DeepClone(),
            ["instance_info"] = n.InstanceInfo.DeepClone(), ["instance_uuid"] = n.InstanceUuid?.ToString(), ["lessee"] = n.Lessee,
            ["maintenance"] = n.Maintenance, ["name"] = n.Name, ["network_data"] = n.NetworkData.DeepClone(), ["owner"] = n.Owner,
            ["properties"] = n.Properties.DeepClone(), ["protected"] = n.Protected, ["protected_reason"] = n.ProtectedReason,
            ["resource_class"] = n.ResourceClass, ["retired"] = n.Retired, ["retired_reason"] = n.RetiredReason, ["shard"] = n.Shard,
        };
        foreach ((string kind, string value) in n.Interfaces) { doc[$"{kind}_interface"] = value; }
        return doc;
    }
}
