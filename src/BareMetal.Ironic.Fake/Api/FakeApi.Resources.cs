using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BareMetal.Ironic.Fake.State;

namespace BareMetal.Ironic.Fake.Api;

internal sealed partial class FakeApi
{
    private const int MaxTraits = 50;

    // os-traits' namespaces stand in for its full list of standard traits.
    private static readonly Regex StandardTrait = new("^(HW|COMPUTE|STORAGE|MISC|OWNER)_[A-Z0-9_]+$", RegexOptions.CultureInvariant);
    private static readonly Regex CustomTrait = new("^CUSTOM_[A-Z0-9_]+$", RegexOptions.CultureInvariant);

    // ---- VIFs ---------------------------------------------------------------------------------------------------

    private FakeResponse ListVifs(string ident, RequestVersion version)
    {
        version.Require(28);
        FakeNode node = Node(ident);
        CheckConductorFor(node.ConductorGroup);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("vifs");
            foreach (string vif in db.VifsOf(node.Uuid))
            {
                w.WriteStartObject();
                w.WriteString("id", vif);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private FakeResponse AttachVif(FakeRequest request, string ident, RequestVersion version)
    {
        version.Require(28);
        JsonObject body = ParseBody(request) as JsonObject ?? throw IronicFaultException.BadRequest("Schema error for vif: the body " +
            "must be a JSON object");
        string vif = body["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>()
            : throw IronicFaultException.BadRequest("Schema error for vif: 'id' is a required property");
        Guid? wantedPort = version.AtLeast(67) ? ParseUuid(body["port_uuid"], "port_uuid") : null;
        Guid? wantedGroup = version.AtLeast(67) ? ParseUuid(body["portgroup_uuid"], "portgroup_uuid") : null;
        if (wantedPort is not null && wantedGroup is not null)
        {
            throw IronicFaultException.BadRequest("Cannot specify both port_uuid and portgroup_uuid");
        }
        FakeNode node = Node(ident);
        CheckConductorFor(node.ConductorGroup);
        Lock(node);

        foreach (FakePortgroup group in db.PortgroupsOf(node.Uuid).Where(g => g.InternalInfo[FakeVifs.InfoKey]?.GetValue<string>() == vif))
        {
            throw IronicFaultException.Conflict(
                $"Unable to attach VIF because VIF {vif} is already attached to Ironic Portgroup {group.Uuid}");
        }
        foreach (FakePort port in db.PortsOf(node.Uuid).Where(p => p.InternalInfo[FakeVifs.InfoKey]?.GetValue<string>() == vif))
        {
            throw IronicFaultException.Conflict($"Unable to attach VIF because VIF {vif} is already attached to Ironic Port {port.Uuid}");
        }
        // Ironic's get_free_port_like_object: a free portgroup first, then a free port outside any portgroup.
        JsonObject? slot =
            db.PortgroupsOf(node.Uuid).Where(g => (wantedGroup is null && wantedPort is null) || g.Uuid == wantedGroup)
                .Where(g => !g.InternalInfo.ContainsKey(FakeVifs.InfoKey)).Select(g => g.InternalInfo).FirstOrDefault()
            ?? db.PortsOf(node.Uuid).Where(p => (wantedGroup is null && wantedPort is null) || p.Uuid == wantedPort)
                .Where(p => p.PortgroupUuid is null && !p.InternalInfo.ContainsKey(FakeVifs.InfoKey))
                .OrderByDescending(p => p.PxeEnabled).Select(p => p.InternalInfo).FirstOrDefault()
            ?? throw IronicFaultException.BadRequest($"Unable to attach VIF {vif}, not enough free physical ports.");
        slot[FakeVifs.InfoKey] = vif;
        conductor.Touch(node);
        return NoContent();
    }

    private FakeResponse DetachVif(string ident, string vif, RequestVersion version)
    {
        version.Require(28);
        FakeNode node = Node(ident);
        CheckConductorFor(node.ConductorGroup);
        Lock(node);
        JsonObject slot = db.VifSlotsOf(node.Uuid).FirstOrDefault(info => info[FakeVifs.InfoKey]?.GetValue<string>() == vif)
            ?? throw IronicFaultException.BadRequest($"Unable to detach VIF {vif} from node {node.Uuid} because it is not attached to it.");
        slot.Remove(FakeVifs.InfoKey);
        conductor.Touch(node);
        return NoContent();
    }

    // ---- traits -------------------------------------------------------------------------------------------------

    private FakeResponse GetTraits(string ident, RequestVersion version)
    {
        version.Require(37);
        FakeNode node = Node(ident);
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("traits");
            foreach (string trait in node.Traits) { w.WriteStringValue(trait); }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private FakeResponse SetTraits(FakeRequest request, string ident, RequestVersion version)
    {
        version.Require(37);
        JsonArray traits = (ParseBody(request) as JsonObject)?["traits"] as JsonArray
            ?? throw IronicFaultException.BadRequest("Schema error for traits: 'traits' is a required property");
        string[] names =
            [.. traits.Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : t?.ToJsonString() ?? "null")];
        foreach (string name in names) { CheckTrait(name); }
        FakeNode node = Node(ident);
        if (names.Distinct().Count() > MaxTraits)
        {
            throw TooManyTraits(node);
        }
        Lock(node);
        node.Traits.Clear();
        node.Traits.AddRange(names.Distinct().Order(StringComparer.Ordinal));
        conductor.Touch(node);
        return NoContent();
    }

    private FakeResponse AddTrait(FakeRequest request, string ident, string trait, RequestVersion version)
    {
        version.Require(37);
        CheckTrait(trait);
        FakeNode node = Node(ident);
        Lock(node);
        if (!node.Traits.Contains(trait))
        {
            if (node.Traits.Count >= MaxTraits)
            {
                throw TooManyTraits(node);
            }
            node.Traits.Add(trait);
            node.Traits.Sort(StringComparer.Ordinal);
        }
        conductor.Touch(node);
        FakeResponse added = NoContent();
        added.AddHeader("Location", $"{request.PublicUrl.GetLeftPart(UriPartial.Authority)}/v1/nodes/{ident}/traits/{trait}");
        return added;
    }

    private FakeResponse RemoveTrait(string ident, string trait, RequestVersion version)
    {
        version.Require(37);
        FakeNode node = Node(ident);
        Lock(node);
        if (!node.Traits.Remove(trait))
        {
            throw IronicFaultException.NotFound($"Node {node.Uuid} doesn't have a trait '{trait}'");
        }
        conductor.Touch(node);
        return NoContent();
    }

    private FakeResponse RemoveAllTraits(string ident, RequestVersion version)
    {
        version.Require(37);
        FakeNode node = Node(ident);
        Lock(node);
        node.Traits.Clear();
        conductor.Touch(node);
        return NoContent();
    }

    private static void CheckTrait(string trait)
    {
        if (trait.Length > 255 || !(StandardTrait.IsMatch(trait) || CustomTrait.IsMatch(trait)))
        {
            throw IronicFaultException.BadRequest(
                $"Schema error for trait: '{trait}' is not valid under any of the given schemas. Possible root cause: '{trait}' does " +
                    $"not match '^CUSTOM_[A-Z0-9_]+$'");
        }
    }

    private static IronicFaultException TooManyTraits(FakeNode node) =>
        IronicFaultException.BadRequest($"Could not modify traits for node {node.Uuid}: would exceed the maximum number of traits per " +
            $"node ({MaxTraits}).");

    // ---- ports, portgroups, volumes -----------------------------------------------------------------------------

    private FakeNode? NodeFilter(Query query) =>
        (query.Get("node") ?? query.Get("node_uuid")) is { } ident
            ? db.Find(ident) ?? throw IronicFaultException.NodeNotFound(ident)
            : null;

    private FakeResponse ListPorts(FakeRequest request, Query query, RequestVersion version, bool detail)
    {
        FakeNode? node = NodeFilter(query);
        string? address = query.Get("address")?.ToLowerInvariant();
        IEnumerable<FakePort> ports =
            db.Ports.Where(p => (node is null || p.NodeUuid == node.Uuid) && (address is null || p.Address == address));
        return Page(request, query, "ports", ports, p => p.Uuid, (w, p) => WritePort(w, p, version, request.PublicUrl, detail));
    }

    private FakeResponse ListPortgroups(FakeRequest request, Query query, RequestVersion version, bool detail)
    {
        version.Require(23);
        FakeNode? node = NodeFilter(query);
        IEnumerable<FakePortgroup> groups = db.Portgroups.Where(g => node is null || g.NodeUuid == node.Uuid);
        return Page(request, query, "portgroups", groups, g => g.Uuid, (w, g) => WritePortgroup(w, g, version, request.PublicUrl, detail));
    }

    private static FakeResponse Page<T>(FakeRequest request, Query query, string collection, IEnumerable<T> items, Func<T, Guid> uuidOf,
        Action<Utf8JsonWriter, T> write)
    {
        int limit = query.Limit(MaxLimit);
        if (query.Get("marker") is { } marker) { items = items.SkipWhile(i => uuidOf(i).ToString() != marker).Skip(1); }
        List<T> page = [.. items.Take(limit)];
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(collection);
            foreach (T item in page) { write(w, item); }
            w.WriteEndArray();
            if (page.Count == limit && page.Count > 0)
            {
                w.WriteString("next",
                    $"{request.PublicUrl.GetLeftPart(UriPartial.Authority)}{request.Path}?limit={limit}&marker={uuidOf(page[^1])}");
            }
            w.WriteEndObject();
        });
    }

    private static void WritePort(Utf8JsonWriter w, FakePort p, RequestVersion version, Uri publicUrl, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("uuid", p.Uuid.ToString());
        if (detail)
        {
            FakeJson.WriteTimestamp(w, "created_at", p.CreatedAt);
            FakeJson.WriteTimestamp(w, "updated_at", p.UpdatedAt);
        }
        w.WriteString("address", p.Address);
        if (detail)
        {
            FakeJson.WriteObject(w, "extra", p.Extra);
            if (version.AtLeast(18)) { FakeJson.WriteObject(w, "internal_info", p.InternalInfo); }
            if (version.AtLeast(53)) { w.WriteBoolean("is_smartnic", p.IsSmartNic); }
            if (version.AtLeast(19)) { FakeJson.WriteObject(w, "local_link_connection", p.LocalLinkConnection); }
            if (version.AtLeast(34)) { FakeJson.WriteStringOrNull(w, "physical_network", p.PhysicalNetwork); }
            if (version.AtLeast(19)) { w.WriteBoolean("pxe_enabled", p.PxeEnabled); }
            w.WriteString("node_uuid", p.NodeUuid.ToString());
        }
        FakeJson.WriteLinks(w, "links", publicUrl, $"ports/{p.Uuid}");
        if (detail && version.AtLeast(24)) { FakeJson.WriteStringOrNull(w, "portgroup_uuid", p.PortgroupUuid?.ToString()); }
        w.WriteEndObject();
    }

    private static void WritePortgroup(Utf8JsonWriter w, FakePortgroup g, RequestVersion version, Uri publicUrl, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("uuid", g.Uuid.ToString());
        if (detail)
        {
            FakeJson.WriteTimestamp(w, "created_at", g.CreatedAt);
            FakeJson.WriteTimestamp(w, "updated_at", g.UpdatedAt);
        }
        FakeJson.WriteStringOrNull(w, "address", g.Address);
        if (detail)
        {
            FakeJson.WriteObject(w, "extra", g.Extra);
            FakeJson.WriteObject(w, "internal_info", g.InternalInfo);
            if (version.AtLeast(26)) { FakeJson.WriteStringOrNull(w, "mode", g.Mode); }
        }
        FakeJson.WriteStringOrNull(w, "name", g.Name);
        if (detail)
        {
            if (version.AtLeast(26)) { FakeJson.WriteObject(w, "properties", g.Properties); }
            w.WriteBoolean("standalone_ports_supported", g.StandalonePortsSupported);
            w.WriteString("node_uuid", g.NodeUuid.ToString());
        }
        FakeJson.WriteLinks(w, "links", publicUrl, $"portgroups/{g.Uuid}");
        if (detail) { FakeJson.WriteLinks(w, "ports", publicUrl, $"portgroups/{g.Uuid}/ports"); }
        w.WriteEndObject();
    }

    private FakeResponse CreatePort(FakeRequest request, RequestVersion version)
    {
        JsonObject body = ParseBody(request) as JsonObject ?? throw IronicFaultException.BadRequest("Schema error for port: the body " +
            "must be a JSON object");
        Guid nodeUuid = ParseUuid(body["node_uuid"], "node_uuid") ?? throw IronicFaultException.BadRequest("Schema error for port: " +
            "'node_uuid' is a required property");
        FakeNode node = db.Find(nodeUuid) ?? throw IronicFaultException.BadRequest($"Node {nodeUuid} could not be found.");
        string address = body["address"]?.GetValue<string>().ToLowerInvariant() ?? throw IronicFaultException.BadRequest("Schema error " +
            "for port: 'address' is a required property");
        if (db.Ports.Any(p => p.Address == address))
        {
            throw IronicFaultException.Conflict($"A port with MAC address {address} already exists.");
        }
        var port = new FakePort
        {
            Id = db.NextPortId(), Uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid(), NodeUuid = node.Uuid, Address = address,
            CreatedAt = conductor.Now,
            PortgroupUuid = ParseUuid(body["portgroup_uuid"], "portgroup_uuid"),
            PhysicalNetwork = body["physical_network"]?.GetValue<string>(),
            PxeEnabled = body["pxe_enabled"]?.GetValueKind() != JsonValueKind.False,
            Extra = body["extra"]?.DeepClone() as JsonObject ?? [],
            LocalLinkConnection = body["local_link_connection"]?.DeepClone() as JsonObject ?? [],
        };
        db.Ports.Add(port);
        return Created(request, $"ports/{port.Uuid}", w => WritePort(w, port, version, request.PublicUrl, detail: true));
    }

    private FakeResponse CreatePortgroup(FakeRequest request, RequestVersion version)
    {
        version.Require(23);
        JsonObject body = ParseBody(request) as JsonObject ?? throw IronicFaultException.BadRequest("Schema error for portgroup: the " +
            "body must be a JSON object");
        Guid nodeUuid = ParseUuid(body["node_uuid"], "node_uuid") ?? throw IronicFaultException.BadRequest("Schema error for portgroup: " +
            "'node_uuid' is a required property");
        FakeNode node = db.Find(nodeUuid) ?? throw IronicFaultException.BadRequest($"Node {nodeUuid} could not be found.");
        var group = new FakePortgroup
        {
            Id = db.NextPortgroupId(), Uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid(), NodeUuid = node.Uuid,
            CreatedAt = conductor.Now,
            Name = body["name"]?.GetValue<string>(), Address = body["address"]?.GetValue<string>().ToLowerInvariant(),
            Mode = body["mode"]?.GetValue<string>() ?? "active-backup",
            Properties = body["properties"]?.DeepClone() as JsonObject ?? [], Extra = body["extra"]?.DeepClone() as JsonObject ?? [],
        };
        db.Portgroups.Add(group);
        return Created(request, $"portgroups/{group.Uuid}", w => WritePortgroup(w, group, version, request.PublicUrl, detail: true));
    }

    private static FakeResponse Created(FakeRequest request, string resource, Action<Utf8JsonWriter> write)
    {
        FakeResponse created = Json(HttpStatusCode.Created, FakeJson.Write(write));
        created.AddHeader("Location", $"{request.PublicUrl.GetLeftPart(UriPartial.Authority)}/v1/{resource}");
        return created;
    }
}
