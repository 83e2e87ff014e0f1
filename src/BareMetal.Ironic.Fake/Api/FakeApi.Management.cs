using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.State;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>Maintenance, boot devices (fake-hardware's management interface) and allocations (1.52), as Ironic 21.4 answers them.</summary>
internal sealed partial class FakeApi
{
    private static readonly string[] KnownBootDevices = ["pxe", "disk", "cdrom", "bios", "safe", "wanboot", "uefihttp", "floppy"];

    // ---- maintenance --------------------------------------------------------------------------------------------

    private FakeResponse SetMaintenance(FakeRequest request, string ident)
    {
        FakeNode node = Node(ident);
        string? reason = (ParseBody(request) as JsonObject)?["reason"] is JsonValue r && r.GetValueKind() == JsonValueKind.String
            ? r.GetValue<string>() : null;
        node.Maintenance = true;
        node.MaintenanceReason = reason;
        conductor.Touch(node);
        return Accepted(request, ident, "maintenance");
    }

    private FakeResponse ClearMaintenance(FakeRequest request, string ident)
    {
        FakeNode node = Node(ident);
        node.Maintenance = false;
        node.MaintenanceReason = null;
        conductor.Touch(node);
        return Accepted(request, ident, "maintenance");
    }

    // ---- boot device: fake-hardware supports pxe only, and always reports pxe, not persistent -------------------

    private FakeResponse GetBootDevice(string ident)
    {
        FakeNode node = Node(ident);
        CheckConductorFor(node.ConductorGroup);
        Lock(node);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("boot_device", "pxe");
            w.WriteBoolean("persistent", false);
            w.WriteEndObject();
        });
    }

    private FakeResponse SetBootDevice(FakeRequest request, string ident)
    {
        JsonObject body = ParseBody(request) as JsonObject ?? throw SchemaError("boot device", "the body must be a JSON object");
        string device = body["boot_device"] is { } d ? Text(d) : throw SchemaError("boot device", "'boot_device' is a required property");
        if (!KnownBootDevices.Contains(device))
        {
            throw IronicFaultException.BadRequest($"Invalid boot device {device} specified.");
        }
        FakeNode node = Node(ident);
        CheckConductorFor(node.ConductorGroup);
        Lock(node);
        if (device != "pxe")
        {
            throw IronicFaultException.BadRequest($"Invalid boot device {device} specified.");
        }
        return NoContent();
    }

    private FakeResponse GetSupportedBootDevices(string ident)
    {
        FakeNode node = Node(ident);
        CheckConductorFor(node.ConductorGroup);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("supported_boot_devices");
            w.WriteStringValue("pxe");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    // ---- allocations --------------------------------------------------------------------------------------------

    private FakeResponse CreateAllocation(FakeRequest request, RequestVersion version)
    {
        version.Require(52);
        JsonObject body = ParseBody(request) as JsonObject ?? throw SchemaError("allocation", "the body must be a JSON object");
        string resourceClass = body["resource_class"] is { } rc ? Text(rc)
            : throw SchemaError("allocation", "'resource_class' is a required property");
        List<string> traits = [.. (body["traits"] as JsonArray ?? []).Select(t => Text(t))];
        foreach (string trait in traits) { CheckTrait(trait); }
        var allocation = new FakeAllocation
        {
            Id = db.NextVolumeId(), Uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid(), Name = body["name"] is { } n ? Text(n) : null,
            ResourceClass = resourceClass, Traits = traits,
            CandidateNodes = [.. (body["candidate_nodes"] as JsonArray ?? []).Select(c => Text(c))],
            CreatedAt = conductor.Now, Extra = body["extra"]?.DeepClone() as JsonObject ?? [],
        };
        if (allocation.Name is { } name && db.Allocations.Any(a => a.Name == name))
        {
            throw IronicFaultException.Conflict($"An allocation with name {name} already exists.");
        }
        db.Allocations.Add(allocation);
        // Ironic answers while the conductor is still allocating; the fake decides at once but shows it from the next read.
        FakeResponse created = Created(request, $"allocations/{allocation.Uuid}", w => WriteAllocation(w, allocation, request.PublicUrl));
        Allocate(allocation);
        return created;
    }

    /// <summary>Ironic's allocation: an available, powered, unreserved node of the class with every trait, among the candidates.</summary>
    private void Allocate(FakeAllocation allocation)
    {
        FakeNode? node = db.Nodes.FirstOrDefault(n => n.ResourceClass == allocation.ResourceClass && n.ProvisionState == "available"
            && !n.Maintenance && n.PowerState is not null && n.InstanceUuid is null && n.AllocationUuid is null
            && allocation.Traits.All(n.Traits.Contains)
            && (allocation.CandidateNodes.Count == 0 || allocation.CandidateNodes.Any(c => c == n.Uuid.ToString() || c == n.Name)));
        if (node is null)
        {
            allocation.State = "error";
            allocation.LastError = $"No available nodes match the resource class {allocation.ResourceClass}.";
            return;
        }
        allocation.State = "active";
        allocation.NodeUuid = node.Uuid;
        node.AllocationUuid = allocation.Uuid;
        node.InstanceUuid = allocation.Uuid;
        conductor.Touch(node);
    }

    private FakeResponse GetAllocation(FakeRequest request, string ident, RequestVersion version)
    {
        version.Require(52);
        return Ok(w => WriteAllocation(w, Allocation(ident), request.PublicUrl));
    }

    private FakeResponse ListAllocations(FakeRequest request, Query query, RequestVersion version)
    {
        version.Require(52);
        FakeNode? node = NodeFilter(query);
        string? state = query.Get("state"), resourceClass = query.Get("resource_class");
        IEnumerable<FakeAllocation> allocations = db.Allocations.Where(a => (node is null || a.NodeUuid == node.Uuid)
            && (state is null || a.State == state) && (resourceClass is null || a.ResourceClass == resourceClass));
        return Page(request, query, "allocations", allocations, a => a.Uuid, (w, a) => WriteAllocation(w, a, request.PublicUrl));
    }

    private FakeResponse DeleteAllocation(string ident, RequestVersion version)
    {
        version.Require(52);
        FakeAllocation allocation = Allocation(ident);
        if (allocation.NodeUuid is { } nodeUuid && db.Find(nodeUuid) is { } node)
        {
            Lock(node);
            if (node.ProvisionState == "active" && !node.Maintenance)
            {
                throw IronicFaultException.BadRequest($"Cannot remove allocation {allocation.Uuid} from node {node.Uuid} in state active.");
            }
            node.AllocationUuid = null;
            if (node.InstanceUuid == allocation.Uuid) { node.InstanceUuid = null; }
            conductor.Touch(node);
        }
        db.Allocations.Remove(allocation);
        return NoContent();
    }

    private FakeAllocation Allocation(string ident) =>
        db.Allocations.Find(a => a.Uuid.ToString() == ident || a.Name == ident)
        ?? throw IronicFaultException.NotFound($"Allocation {ident} could not be found.");

    private static void WriteAllocation(Utf8JsonWriter w, FakeAllocation a, Uri publicUrl)
    {
        w.WriteStartObject();
        w.WriteString("uuid", a.Uuid.ToString());
        FakeJson.WriteStringOrNull(w, "name", a.Name);
        FakeJson.WriteStringOrNull(w, "node_uuid", a.NodeUuid?.ToString());
        w.WriteString("state", a.State);
        FakeJson.WriteStringOrNull(w, "last_error", a.LastError);
        w.WriteString("resource_class", a.ResourceClass);
        w.WriteStartArray("traits");
        foreach (string trait in a.Traits) { w.WriteStringValue(trait); }
        w.WriteEndArray();
        w.WriteStartArray("candidate_nodes");
        foreach (string candidate in a.CandidateNodes) { w.WriteStringValue(candidate); }
        w.WriteEndArray();
        FakeJson.WriteObject(w, "extra", a.Extra);
        FakeJson.WriteTimestamp(w, "created_at", a.CreatedAt);
        FakeJson.WriteTimestamp(w, "updated_at", null);
        FakeJson.WriteLinks(w, "links", publicUrl, $"allocations/{a.Uuid}");
        w.WriteEndObject();
    }
}
