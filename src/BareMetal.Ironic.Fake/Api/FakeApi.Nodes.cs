using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.State;

using BareMetal.Ironic.Fake.Lies;

namespace BareMetal.Ironic.Fake.Api;

internal sealed partial class FakeApi
{
    private const int MaxLimit = 1000;

    private static readonly HashSet<string> ListParameters =
    [
        "chassis_uuid", "instance_uuid", "associated", "maintenance", "retired", "provision_state", "marker", "limit", "sort_key",
        "sort_dir", "driver", "fields", "resource_class", "fault", "conductor_group", "detail", "owner", "lessee", "shard",
        "sharded", "description_contains", "conductor", "project",
    ];

    /// <summary>Filters and the minor version each needs.</summary>
    private static readonly (string Name, int Since)[] GatedFilters =
    [
        ("provision_state", 9), ("driver", 16), ("resource_class", 21), ("fault", 42), ("detail", 43), ("conductor_group", 46),
        ("conductor", 49), ("owner", 50), ("description_contains", 51), ("retired", 61), ("lessee", 65), ("shard", 82), ("sharded", 82),
    ];

    /// <summary>What PATCH may change, in the order Ironic lists them in its refusal.</summary>
    private static readonly string[] Patchable =
    [
        "automated_clean", "bios_interface", "boot_interface", "chassis_uuid", "conductor_group", "console_interface", "deploy_interface",
        "description", "driver", "driver_info", "extra", "inspect_interface", "instance_info", "instance_uuid", "lessee", "maintenance",
        "management_interface", "name", "network_data", "network_interface", "owner", "power_interface", "properties", "protected",
        "protected_reason", "raid_interface", "rescue_interface", "resource_class", "retired", "retired_reason", "shard",
        "storage_interface", "vendor_interface",
    ];

    /// <summary>Provision states in which a node with a target may still be patched (Ironic's UPDATE_ALLOWED_STATES).</summary>
    private static readonly string[] UpdateAllowedStates =
    [
        "deploy failed", "inspecting", "inspect failed", "inspect wait", "clean failed", "error", "verifying", "adopt failed",
        "rescue failed", "unrescue failed",
    ];

    private FakeResponse ListNodes(FakeRequest request, Query query, RequestVersion version, bool detailPath)
    {
        string[] unexpected = [.. query.Keys.Where(k => !ListParameters.Contains(k) || (detailPath && k is "fields" or "detail"))];
        if (unexpected.Length > 0)
        {
            throw IronicFaultException.BadRequest($"Unexpected arguments: {string.Join(", ", unexpected)}");
        }
        foreach ((string name, int since) in GatedFilters)
        {
            if (query.Get(name) is not null) { version.Require(since); }
        }
        bool? detail = query.Bool("detail");
        IReadOnlyList<string>? fields = query.Get("fields")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (detail == true && fields is not null)
        {
            throw IronicFaultException.BadRequest("Can not specify ?detail=True and fields in the same request.");
        }
        if (fields is not null) { NodeWriter.CheckSelectable(fields, version); }
        int limit = query.Limit(MaxLimit);
        string sortKey = query.Get("sort_key") ?? "id";
        string sortDir = query.Get("sort_dir") ?? "asc";
        if (sortDir is not ("asc" or "desc"))
        {
            throw IronicFaultException.BadRequest($"Invalid sort direction: {sortDir}. Acceptable values are 'asc' or 'desc'");
        }

        if (Lying(FakeLies.EndlessPages)) { return EndlessPage(request, query); }
        Query filter = Lying(FakeLies.IgnoreInstanceFilter) ? query.Without("instance_uuid", "associated") : query;
        conductor.AdvanceAll();
        IEnumerable<FakeNode> nodes = Sorted(db.Nodes.Where(n => Matches(n, filter)), sortKey, sortDir == "desc");
        if (query.Get("marker") is { } marker)
        {
            FakeNode after = (Guid.TryParse(marker, out Guid m) ? db.Find(m) : null) ?? throw IronicFaultException.NodeNotFound(marker);
            nodes = nodes.SkipWhile(n => n != after).Skip(1);
        }
        List<FakeNode> page = [.. nodes.Take(limit)];

        IReadOnlyList<string>? shown = detailPath || detail == true ? null : fields ?? NodeWriter.DefaultListFields;
        string? next = null;
        // Ironic never pages a lookup by instance, and announces a next page whenever this one is full.
        if (query.Get("instance_uuid") is null && page.Count == limit && page.Count > 0)
        {
            string host = request.PublicUrl.GetLeftPart(UriPartial.Authority);
            var link = new StringBuilder($"{host}/v1/nodes{(detailPath ? "/detail" : "")}?sort_key={sortKey}&sort_dir={sortDir}&");
            foreach (string kept in (ReadOnlySpan<string>)["associated", "maintenance", "retired"])
            {
                if (query.Bool(kept) == true) { link.Append(kept).Append("=True&"); }
            }
            if (detail is { } d) { link.Append("detail=").Append(d ? "True" : "False").Append('&'); }
            if (shown is not null) { link.Append("fields=").Append(string.Join(',', shown)).Append('&'); }
            link.Append(System.Globalization.CultureInfo.InvariantCulture, $"limit={limit}&marker={page[^1].Uuid}");
            next = link.ToString();
        }
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("nodes");
            foreach (FakeNode node in page) { NodeWriter.Write(w, node, version, request.PublicUrl, shown, options.ConductorName); }
            w.WriteEndArray();
            if (next is not null) { w.WriteString("next", next); }
            w.WriteEndObject();
        });
    }

    private static IEnumerable<FakeNode> Sorted(IEnumerable<FakeNode> nodes, string sortKey, bool descending) => sortKey switch
    {
        "id" => descending ? nodes.OrderByDescending(n => n.Id) : nodes,
        "uuid" => descending
            ? nodes.OrderByDescending(n => n.Uuid.ToString())
            : nodes.OrderBy(n => n.Uuid.ToString(), StringComparer.Ordinal),
        "name" => descending
            ? nodes.OrderByDescending(n => n.Name, StringComparer.Ordinal)
            : nodes.OrderBy(n => n.Name, StringComparer.Ordinal),
        "created_at" => descending ? nodes.OrderByDescending(n => n.CreatedAt) : nodes.OrderBy(n => n.CreatedAt),
        "provision_state" => descending
            ? nodes.OrderByDescending(n => n.ProvisionState, StringComparer.Ordinal)
            : nodes.OrderBy(n => n.ProvisionState, StringComparer.Ordinal),
        _ => throw IronicFaultException.BadRequest($"The sort_key value {sortKey} is an invalid field for sorting"),
    };

    private static bool Matches(FakeNode n, Query q) =>
        (q.Get("instance_uuid") is not { } instance
            || string.Equals(n.InstanceUuid?.ToString(), instance, StringComparison.OrdinalIgnoreCase))
        && (q.Bool("associated") is not { } associated || (n.InstanceUuid is not null) == associated)
        && (q.Bool("maintenance") is not { } maintenance || n.Maintenance == maintenance)
        && (q.Bool("retired") is not { } retired || n.Retired == retired)
        && (q.Get("provision_state") is not { } state || n.ProvisionState == state)
        && (q.Get("driver") is not { } driver || n.Driver == driver)
        && (q.Get("resource_class") is not { } rc || n.ResourceClass == rc)
        && (q.Get("fault") is not { } fault || n.Fault == fault)
        && (q.Get("conductor_group") is not { } group || string.Equals(n.ConductorGroup, group, StringComparison.OrdinalIgnoreCase))
        && (q.Get("owner") is not { } owner || n.Owner == owner)
        && (q.Get("lessee") is not { } lessee || n.Lessee == lessee)
        && (q.Get("shard") is not { } shards || (n.Shard is not null && shards.Split(',').Contains(n.Shard)))
        && (q.Bool("sharded") is not { } sharded || (n.Shard is not null) == sharded)
        && (q.Get("description_contains") is not { } text || (n.Description?.Contains(text, StringComparison.Ordinal) ?? false))
        && (q.Get("chassis_uuid") is not { } chassis || n.ChassisUuid?.ToString() == chassis);

    private FakeResponse GetNode(FakeRequest request, string ident, Query query, RequestVersion version)
    {
        IReadOnlyList<string>? fields = query.Get("fields")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not null) { NodeWriter.CheckSelectable(fields, version); }
        FakeNode node = Node(ident);
        return Ok(w => NodeWriter.Write(w, node, version, request.PublicUrl, fields, options.ConductorName));
    }

    private FakeResponse CreateNode(FakeRequest request, RequestVersion version)
    {
        JsonObject body = ParseBody(request) as JsonObject ?? throw IronicFaultException.BadRequest("Schema error for node: the body " +
            "must be a JSON object");
        string driver = body["driver"]?.GetValue<string>() ?? throw IronicFaultException.BadRequest("Schema error for node: 'driver' is " +
            "a required property");
        string group = body["conductor_group"]?.GetValue<string>() ?? "";
        CheckConductorFor(group);
        Guid uuid = ParseUuid(body["uuid"], "uuid") ?? db.NewUuid();
        if (db.Find(uuid) is not null)
        {
            throw IronicFaultException.Conflict($"A node with UUID {uuid} already exists.");
        }
        string? name = body["name"]?.GetValue<string>();
        if (name is not null && db.Find(name) is not null)
        {
            throw IronicFaultException.Conflict($"A node with name {name} already exists.");
        }

        var node = new FakeNode
        {
            Id = db.NextNodeId(), Uuid = uuid, Name = name, Driver = driver, CreatedAt = conductor.Now, ConductorGroup = group,
            ProvisionState = version.AtLeast(11) ? "enroll" : "available",
            ResourceClass = body["resource_class"]?.GetValue<string>(),
            Description = body["description"]?.GetValue<string>(), Owner = body["owner"]?.GetValue<string>(),
            Lessee = body["lessee"]?.GetValue<string>(),
            Shard = body["shard"]?.GetValue<string>(),
            Properties = body["properties"]?.DeepClone() as JsonObject ?? [],
            DriverInfo = body["driver_info"]?.DeepClone() as JsonObject ?? [],
            Extra = body["extra"]?.DeepClone() as JsonObject ?? [], InstanceInfo = body["instance_info"]?.DeepClone() as JsonObject ?? [],
        };
        foreach ((string key, JsonNode? value) in body)
        {
            if (key.EndsWith("_interface", StringComparison.Ordinal) && value is not null)
            {
                node.Interfaces[key[..^"_interface".Length]] = value.GetValue<string>();
            }
        }
        db.Add(node);
        FakeResponse created = Json(HttpStatusCode.Created,
            FakeJson.Write(w => NodeWriter.Write(w, node, version, request.PublicUrl, null, options.ConductorName)));
        created.AddHeader("Location", $"{request.PublicUrl.GetLeftPart(UriPartial.Authority)}/v1/nodes/{node.Uuid}");
        return created;
    }

    private FakeResponse PatchNode(FakeRequest request, string ident, RequestVersion version)
    {
        JsonNode? body = ParseBody(request);
        if (body is not JsonArray operations)
        {
            throw IronicFaultException.BadRequest($"Schema error for patch: {FakeJson.PythonRepr(body)} is not of type 'array'");
        }
        FakeNode node = Node(ident);
        JsonObject doc = NodeWriter.ToPatchDocument(node);
        foreach (JsonNode? operation in operations) { JsonPatch.Apply(doc, operation, Patchable, version); }

        bool onlyRemovesInstance = operations.Count == 1 && operations[0]?["op"]?.GetValue<string>() == "remove"
            && operations[0]?["path"]?.GetValue<string>() == "/instance_uuid";
        bool inTransition = node.TargetProvisionState is not null && !UpdateAllowedStates.Contains(node.ProvisionState);
        if (!(node.Maintenance && onlyRemovesInstance) && inTransition)
        {
            throw IronicFaultException.Conflict($"Node {ident} can not be updated while a state transition is in progress.");
        }
        Lock(node);
        Guid? instance = ParseUuid(doc["instance_uuid"], "instance_uuid");
        if (instance != node.InstanceUuid && instance is not null)
        {
            if (node.InstanceUuid is { } current)
            {
                throw IronicFaultException.Conflict($"Node {node.Uuid} is associated with instance {current}.");
            }
            if (db.FindByInstance(instance.Value) is not null)
            {
                throw IronicFaultException.Conflict(
                    $"Instance {instance} is already associated with a node, it cannot be associated with this other node {node.Uuid}");
            }
        }
        string group = doc["conductor_group"]?.GetValue<string>() ?? "";
        if (group != node.ConductorGroup) { CheckConductorFor(group); }
        string? name = doc["name"]?.GetValue<string>();
        if (name is not null && name != node.Name && db.Find(name) is not null)
        {
            throw IronicFaultException.Conflict($"A node with name {name} already exists.");
        }

        node.InstanceUuid = instance;
        node.InstanceInfo = doc["instance_info"] as JsonObject ?? [];
        node.DriverInfo = doc["driver_info"] as JsonObject ?? [];
        node.Extra = doc["extra"] as JsonObject ?? [];
        node.Properties = doc["properties"] as JsonObject ?? [];
        node.NetworkData = doc["network_data"] as JsonObject ?? [];
        node.Maintenance = doc["maintenance"]?.GetValueKind() == JsonValueKind.True;
        node.MaintenanceReason = node.Maintenance ? node.MaintenanceReason : null;
        node.Fault = node.Maintenance ? node.Fault : null;
        node.Name = name;
        node.ConductorGroup = group;
        node.Driver = doc["driver"]?.GetValue<string>() ?? node.Driver;
        node.ResourceClass = doc["resource_class"]?.GetValue<string>();
        node.Description = doc["description"]?.GetValue<string>();
        node.Owner = doc["owner"]?.GetValue<string>();
        node.Lessee = doc["lessee"]?.GetValue<string>();
        node.Shard = doc["shard"]?.GetValue<string>();
        node.AutomatedClean = doc["automated_clean"]?.GetValue<bool>();
        node.Protected = doc["protected"]?.GetValueKind() == JsonValueKind.True;
        node.ProtectedReason = doc["protected_reason"]?.GetValue<string>();
        node.Retired = doc["retired"]?.GetValueKind() == JsonValueKind.True;
        node.RetiredReason = doc["retired_reason"]?.GetValue<string>();
        node.ChassisUuid = ParseUuid(doc["chassis_uuid"], "chassis_uuid");
        foreach (string kind in FakeNodeDefaults.Interfaces.Keys)
        {
            node.Interfaces[kind] = doc[$"{kind}_interface"]?.GetValue<string>() ?? FakeNodeDefaults.Interfaces[kind];
        }
        conductor.Touch(node);
        // Ironic renders the updated node while its conductor still holds the lock, so the answer shows the reservation.
        node.Reservation = options.ConductorName;
        try { return Ok(w => NodeWriter.Write(w, node, version, request.PublicUrl, null, options.ConductorName)); }
        finally { node.Reservation = null; }
    }
}
