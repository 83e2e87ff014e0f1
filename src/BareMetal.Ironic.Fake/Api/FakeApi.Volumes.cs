using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.State;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>Volume targets and connectors (1.32) and deploy templates (1.55), with Ironic 21.4's rules and wording.</summary>
internal sealed partial class FakeApi
{
    private static readonly string[] ConnectorTypes = ["iqn", "ip", "mac", "wwnn", "wwpn", "port", "portgroup"];
    private static readonly string[] StepInterfaces = ["bios", "deploy", "firmware", "management", "power", "raid"];

    // ---- volume targets -----------------------------------------------------------------------------------------

    private FakeResponse ListVolumeTargets(FakeRequest request, Query query, RequestVersion version, FakeNode? scope)
    {
        version.Require(32);
        FakeNode? node = scope ?? NodeFilter(query);
        bool detail = Detail(query);
        IEnumerable<FakeVolumeTarget> targets = db.VolumeTargets.Where(t => node is null || t.NodeUuid == node.Uuid);
        return Page(request, query, "targets", targets, t => t.Uuid, (w, t) => WriteVolumeTarget(w, t, request.PublicUrl, detail));
    }

    private FakeResponse CreateVolumeTarget(FakeRequest request, RequestVersion version)
    {
        version.Require(32);
        (JsonObject body, FakeNode node) = VolumeBody(request, "volume target", ["boot_index", "node_uuid", "volume_id", "volume_type"]);
        int bootIndex = body["boot_index"]!.GetValueKind() == JsonValueKind.Number ? body["boot_index"]!.GetValue<int>()
            : throw SchemaError("volume target", $"{body["boot_index"]!.ToJsonString()} is not of type 'integer'");
        if (db.VolumeTargets.Any(t => t.NodeUuid == node.Uuid && t.BootIndex == bootIndex))
        {
            throw IronicFaultException.Conflict($"A volume target with boot index '{bootIndex}' for the same node already exists.");
        }
        var target = new FakeVolumeTarget
        {
            Id = db.NextVolumeId(),
            Uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid(),
            NodeUuid = node.Uuid,
            VolumeType = Text(body["volume_type"]),
            BootIndex = bootIndex,
            VolumeId = Text(body["volume_id"]),
            CreatedAt = conductor.Now,
            Properties = body["properties"]?.DeepClone() as JsonObject ?? [],
            Extra = body["extra"]?.DeepClone() as JsonObject ?? [],
        };
        db.VolumeTargets.Add(target);
        return Created(request, $"volume/targets/{target.Uuid}", w => WriteVolumeTarget(w, target, request.PublicUrl, detail: true));
    }

    /// <summary>Deletes a volume target or connector, as Ironic only while its node is powered off.</summary>
    private FakeResponse DeleteVolumeObject<T>(List<T> objects, string noun, string ident, RequestVersion version)
        where T : IFakeVolumeObject
    {
        version.Require(32);
        T found = objects.Find(o => o.Uuid.ToString() == ident)
            ?? throw IronicFaultException.NotFound($"Volume {noun} {ident} could not be found.");
        RequirePoweredOff(db.Find(found.NodeUuid)!, $"volume {noun} deletion");
        objects.Remove(found);
        return NoContent();
    }

    private static void WriteVolumeTarget(Utf8JsonWriter w, FakeVolumeTarget t, Uri publicUrl, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("uuid", t.Uuid.ToString());
        w.WriteString("node_uuid", t.NodeUuid.ToString());
        w.WriteString("volume_type", t.VolumeType);
        w.WriteNumber("boot_index", t.BootIndex);
        w.WriteString("volume_id", t.VolumeId);
        if (detail)
        {
            FakeJson.WriteTimestamp(w, "created_at", t.CreatedAt);
            FakeJson.WriteTimestamp(w, "updated_at", null);
            FakeJson.WriteObject(w, "properties", t.Properties);
            FakeJson.WriteObject(w, "extra", t.Extra);
        }
        FakeJson.WriteLinks(w, "links", publicUrl, $"volume/targets/{t.Uuid}");
        w.WriteEndObject();
    }

    // ---- volume connectors --------------------------------------------------------------------------------------

    private FakeResponse ListVolumeConnectors(FakeRequest request, Query query, RequestVersion version, FakeNode? scope)
    {
        version.Require(32);
        FakeNode? node = scope ?? NodeFilter(query);
        bool detail = Detail(query);
        IEnumerable<FakeVolumeConnector> connectors = db.VolumeConnectors.Where(c => node is null || c.NodeUuid == node.Uuid);
        return Page(request, query, "connectors", connectors, c => c.Uuid, (w, c) => WriteVolumeConnector(w, c, request.PublicUrl, detail));
    }

    private FakeResponse CreateVolumeConnector(FakeRequest request, RequestVersion version)
    {
        version.Require(32);
        (JsonObject body, FakeNode node) = VolumeBody(request, "volume connector", ["connector_id", "node_uuid", "type"]);
        string type = Text(body["type"]);
        if (!ConnectorTypes.Contains(type))
        {
            throw SchemaError("volume connector", $"'{type}' is not one of {string.Join(", ", ConnectorTypes.Select(c => $"'{c}'"))}");
        }
        string connectorId = Text(body["connector_id"]);
        if (db.VolumeConnectors.Any(c => c.Type == type && c.ConnectorId == connectorId))
        {
            throw IronicFaultException.Conflict($"A volume connector with type {type} and connector ID {connectorId} already exists.");
        }
        var connector = new FakeVolumeConnector
        {
            Id = db.NextVolumeId(),
            Uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid(),
            NodeUuid = node.Uuid,
            Type = type,
            ConnectorId = connectorId,
            CreatedAt = conductor.Now,
            Extra = body["extra"]?.DeepClone() as JsonObject ?? [],
        };
        db.VolumeConnectors.Add(connector);
        return Created(request, $"volume/connectors/{connector.Uuid}",
            w => WriteVolumeConnector(w, connector, request.PublicUrl, detail: true));
    }

    private static void WriteVolumeConnector(Utf8JsonWriter w, FakeVolumeConnector c, Uri publicUrl, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("uuid", c.Uuid.ToString());
        w.WriteString("node_uuid", c.NodeUuid.ToString());
        w.WriteString("type", c.Type);
        w.WriteString("connector_id", c.ConnectorId);
        if (detail)
        {
            FakeJson.WriteTimestamp(w, "created_at", c.CreatedAt);
            FakeJson.WriteTimestamp(w, "updated_at", null);
            FakeJson.WriteObject(w, "extra", c.Extra);
        }
        FakeJson.WriteLinks(w, "links", publicUrl, $"volume/connectors/{c.Uuid}");
        w.WriteEndObject();
    }

    /// <summary>A volume object's body: a JSON object with every required field and an existing node, as Ironic checks it.</summary>
    private (JsonObject Body, FakeNode Node) VolumeBody(FakeRequest request, string what, string[] required)
    {
        JsonObject body = ParseBody(request) as JsonObject ?? throw SchemaError(what, "the body must be a JSON object");
        if (required.FirstOrDefault(field => body[field] is null) is { } missing)
        {
            throw SchemaError(what, $"'{missing}' is a required property");
        }
        string nodeIdent = Text(body["node_uuid"]);
        FakeNode node = db.Find(nodeIdent)
            ?? throw IronicFaultException.BadRequest($"Invalid input for field/attribute node_uuid. Value: {nodeIdent}.");
        return (body, node);
    }

    /// <summary>Ironic deletes a node's volume objects only while it is powered off (InvalidStateRequested, 400).</summary>
    private static void RequirePoweredOff(FakeNode node, string action)
    {
        Lock(node);
        if (node.PowerState != "power off")
        {
            throw IronicFaultException.BadRequest($"The requested action \"{action}\" can not be performed on node \"{node.Uuid}\" " +
                $"while it is in state \"{node.PowerState}\".");
        }
    }

    // ---- deploy templates ---------------------------------------------------------------------------------------

    private FakeResponse ListDeployTemplates(FakeRequest request, Query query, RequestVersion version)
    {
        version.Require(55);
        bool detail = Detail(query);
        return Page(request, query, "deploy_templates", db.DeployTemplates, t => t.Uuid,
            (w, t) => WriteDeployTemplate(w, t, request.PublicUrl, detail));
    }

    private FakeResponse GetDeployTemplate(FakeRequest request, string ident, RequestVersion version)
    {
        version.Require(55);
        return Ok(w => WriteDeployTemplate(w, DeployTemplate(ident), request.PublicUrl, detail: true));
    }

    private FakeResponse CreateDeployTemplate(FakeRequest request, RequestVersion version)
    {
        version.Require(55);
        JsonObject body = ParseBody(request) as JsonObject ?? throw SchemaError("deploy template", "the body must be a JSON object");
        string name = body["name"] is { } n ? Text(n) : throw SchemaError("deploy template", "'name' is a required property");
        CheckTrait(name);
        JsonArray steps = body["steps"] as JsonArray ?? throw SchemaError("deploy template", "'steps' is a required property");
        if (steps.Count == 0)
        {
            throw SchemaError("deploy template", "[] is too short");
        }
        foreach (JsonObject? step in steps.Select(s => s as JsonObject))
        {
            string? iface = step?["interface"]?.GetValue<string>();
            if (step is null || iface is null || !StepInterfaces.Contains(iface) || step["step"] is null || step["args"] is not JsonObject
                || step["priority"]?.GetValueKind() != JsonValueKind.Number || step["priority"]!.GetValue<int>() < 0)
            {
                throw IronicFaultException.BadRequest($"Invalid deploy steps for template {name}: each step needs an interface, a step, " +
                    "args and a priority of 0 or more.");
            }
        }
        if (db.DeployTemplates.Any(t => t.Name == name))
        {
            throw IronicFaultException.Conflict($"A deploy template with name {name} already exists.");
        }
        var template = new FakeDeployTemplate
        {
            Id = db.NextVolumeId(),
            Uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid(),
            Name = name,
            Steps = (JsonArray)steps.DeepClone(),
            CreatedAt = conductor.Now,
            Extra = body["extra"]?.DeepClone() as JsonObject ?? [],
        };
        db.DeployTemplates.Add(template);
        return Created(request, $"deploy_templates/{template.Uuid}",
            w => WriteDeployTemplate(w, template, request.PublicUrl, detail: true));
    }

    private FakeResponse DeleteDeployTemplate(string ident, RequestVersion version)
    {
        version.Require(55);
        db.DeployTemplates.Remove(DeployTemplate(ident));
        return NoContent();
    }

    private FakeDeployTemplate DeployTemplate(string ident) =>
        db.DeployTemplates.Find(t => t.Uuid.ToString() == ident || t.Name == ident)
        ?? throw IronicFaultException.NotFound($"Deploy template {ident} could not be found.");

    private static void WriteDeployTemplate(Utf8JsonWriter w, FakeDeployTemplate t, Uri publicUrl, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("uuid", t.Uuid.ToString());
        w.WriteString("name", t.Name);
        if (detail)
        {
            FakeJson.WriteTimestamp(w, "created_at", t.CreatedAt);
            FakeJson.WriteTimestamp(w, "updated_at", null);
            w.WritePropertyName("steps");
            t.Steps.WriteTo(w);
            FakeJson.WriteObject(w, "extra", t.Extra);
        }
        FakeJson.WriteLinks(w, "links", publicUrl, $"deploy_templates/{t.Uuid}");
        w.WriteEndObject();
    }

    /// <summary>Ironic's <c>detail=True</c> listing parameter.</summary>
    private static bool Detail(Query query) => query.Get("detail") is { } detail && bool.TryParse(detail, out bool on) && on;

    private static IronicFaultException SchemaError(string what, string why) =>
        IronicFaultException.BadRequest($"Schema error for {what}: {why}");

    private static string Text(JsonNode? value) =>
        value is null ? "" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
