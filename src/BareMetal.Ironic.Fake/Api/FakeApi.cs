using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Ironic.Fake.Faults;
using BareMetal.Ironic.Fake.State;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>
/// Ironic's REST API over the fake's state: routing, microversion negotiation, http_basic, and Ironic's error bodies.
/// The caller holds the fake's lock for the whole call.
/// </summary>
internal sealed partial class FakeApi(FakeDatabase db, FakeConductor conductor, FakeIronicOptions options)
{
    private const string VersionHeader = "X-OpenStack-Ironic-API-Version";
    private readonly ApiVersion _min = ApiVersion.Parse(options.MinimumApiVersion);
    private readonly ApiVersion _max = ApiVersion.Parse(options.MaximumApiVersion);

    /// <summary>Answers one request; <paramref name="refusal"/> is an injected 503 or 409 that replaces the work.</summary>
    public FakeResponse Handle(FakeRequest request, FakeRoute route, FakeFaultKind? refusal)
    {
        if (route.Template == FakeRoutes.Root) { return WithRequestId(Root(request)); }
        if (Unauthorized(request) is { } denied) { return denied; }
        if (route.Template == "unknown")
        {
            return Json(HttpStatusCode.NotFound, FakeJson.MiddlewareError(404, "Not Found", ""));
        }
        if (!TryNegotiate(request, out RequestVersion version, out FakeResponse? refused)) { return refused; }

        FakeResponse response;
        try
        {
            response = refusal switch
            {
                FakeFaultKind.ServiceUnavailable => throw new IronicFaultException(HttpStatusCode.ServiceUnavailable,
                    "Requested action cannot be performed due to lack of free conductor workers.", serverFault: true),
                FakeFaultKind.NodeLocked when route.NodeIdent is { } ident =>
                    throw IronicFaultException.NodeLocked(Node(ident).Uuid, options.ConductorName),
                _ => RefuseWithLies(request, route) ?? TellLies(route, Dispatch(request, route, version)),
            };
        }
        catch (IronicFaultException fault)
        {
            response = Json(fault.Status, FakeJson.Error(fault.Message, fault.ServerFault));
        }
        response.AddHeader("X-OpenStack-Ironic-API-Minimum-Version", _min.ToString());
        response.AddHeader("X-OpenStack-Ironic-API-Maximum-Version", _max.ToString());
        response.AddHeader(VersionHeader, version.Value.ToString());
        return WithRequestId(response);
    }

    private static FakeResponse WithRequestId(FakeResponse response)
    {
        response.AddHeader("Openstack-Request-Id", $"req-{Guid.NewGuid()}");
        return response;
    }

    // ---- routing ------------------------------------------------------------------------------------------------

    /// <summary>Each route template as its method and path segments; a segment in braces matches any value.</summary>
    private static readonly (string Path, string[] Segments)[] Paths =
    [
        .. FakeRoutes.All.Select(t => t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Distinct()
            .Select(path => (path, path.Split('/', StringSplitOptions.RemoveEmptyEntries))),
    ];

    /// <summary>
    /// The template of a request: the path decides it (a literal segment beats a placeholder), and the method is kept
    /// as sent, so a method the path does not serve is answered 405 as Ironic does.
    /// </summary>
    public static FakeRoute Route(FakeRequest request)
    {
        string[] s = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? path = Paths.Where(p => Matches(p.Segments, s))
            .OrderByDescending(p => p.Segments.Count(segment => !segment.StartsWith('{')))
            .Select(p => p.Path).FirstOrDefault();
        if (path is null)
        {
            return new("unknown", null);
        }
        string? node = s.Length >= 3 && s[1] == "nodes" && s[2] != "detail" ? Uri.UnescapeDataString(s[2]) : null;
        return new($"{request.Method} {path}", node);
    }

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length && template.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second);

    private FakeResponse Dispatch(FakeRequest request, FakeRoute route, RequestVersion version)
    {
        Query query = Query.Parse(request.Query);
        string[] s = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return route.Template switch
        {
            FakeRoutes.Index => Index(request, version),
            FakeRoutes.ListNodes => ListNodes(request, query, version, detailPath: false),
            FakeRoutes.ListNodesDetail => ListNodes(request, query, version, detailPath: true),
            FakeRoutes.CreateNode => CreateNode(request, version),
            FakeRoutes.GetNode => GetNode(request, route.NodeIdent!, query, version),
            FakeRoutes.PatchNode => PatchNode(request, route.NodeIdent!, version),
            FakeRoutes.GetStates => Ok(w => NodeWriter.WriteStates(w, Node(route.NodeIdent!), version)),
            FakeRoutes.SetProvisionState => SetProvision(request, route.NodeIdent!, version),
            FakeRoutes.SetPowerState => SetPower(request, route.NodeIdent!, version),
            FakeRoutes.GetConsole => GetConsole(route.NodeIdent!),
            FakeRoutes.SetConsole => SetConsole(request, route.NodeIdent!),
            FakeRoutes.Validate => Validate(route.NodeIdent!),
            FakeRoutes.ListVifs => ListVifs(route.NodeIdent!, version),
            FakeRoutes.AttachVif => AttachVif(request, route.NodeIdent!, version),
            FakeRoutes.DetachVif => DetachVif(route.NodeIdent!, Uri.UnescapeDataString(s[4]), version),
            FakeRoutes.GetTraits => GetTraits(route.NodeIdent!, version),
            FakeRoutes.SetTraits => SetTraits(request, route.NodeIdent!, version),
            FakeRoutes.RemoveAllTraits => RemoveAllTraits(route.NodeIdent!, version),
            FakeRoutes.AddTrait => AddTrait(request, route.NodeIdent!, Uri.UnescapeDataString(s[4]), version),
            FakeRoutes.RemoveTrait => RemoveTrait(route.NodeIdent!, Uri.UnescapeDataString(s[4]), version),
            FakeRoutes.ListNodePorts => ListPorts(request, query.With("node", route.NodeIdent!), version, detail: false),
            FakeRoutes.ListNodePortsDetail => ListPorts(request, query.With("node", route.NodeIdent!), version, detail: true),
            FakeRoutes.ListNodePortgroups => ListPortgroups(request, query.With("node", route.NodeIdent!), version, detail: false),
            FakeRoutes.ListNodePortgroupsDetail => ListPortgroups(request, query.With("node", route.NodeIdent!), version, detail: true),
            FakeRoutes.ListVolumeConnectors => ListVolumeConnectors(request, query, version, Node(route.NodeIdent!)),
            FakeRoutes.ListVolumeTargets => ListVolumeTargets(request, query, version, Node(route.NodeIdent!)),
            FakeRoutes.ListAllVolumeTargets => ListVolumeTargets(request, query, version, scope: null),
            FakeRoutes.CreateVolumeTarget => CreateVolumeTarget(request, version),
            FakeRoutes.DeleteVolumeTarget => DeleteVolumeObject(db.VolumeTargets, "target", Uri.UnescapeDataString(s[3]), version),
            FakeRoutes.ListAllVolumeConnectors => ListVolumeConnectors(request, query, version, scope: null),
            FakeRoutes.CreateVolumeConnector => CreateVolumeConnector(request, version),
            FakeRoutes.DeleteVolumeConnector =>
                DeleteVolumeObject(db.VolumeConnectors, "connector", Uri.UnescapeDataString(s[3]), version),
            FakeRoutes.ListDeployTemplates => ListDeployTemplates(request, query, version),
            FakeRoutes.CreateDeployTemplate => CreateDeployTemplate(request, version),
            FakeRoutes.GetDeployTemplate => GetDeployTemplate(request, Uri.UnescapeDataString(s[2]), version),
            FakeRoutes.DeleteDeployTemplate => DeleteDeployTemplate(Uri.UnescapeDataString(s[2]), version),
            FakeRoutes.SetMaintenance => SetMaintenance(request, route.NodeIdent!),
            FakeRoutes.ClearMaintenance => ClearMaintenance(request, route.NodeIdent!),
            FakeRoutes.GetBootDevice => GetBootDevice(route.NodeIdent!),
            FakeRoutes.SetBootDevice => SetBootDevice(request, route.NodeIdent!),
            FakeRoutes.GetSupportedBootDevices => GetSupportedBootDevices(route.NodeIdent!),
            FakeRoutes.ListAllocations => ListAllocations(request, query, version),
            FakeRoutes.CreateAllocation => CreateAllocation(request, version),
            FakeRoutes.GetAllocation => GetAllocation(request, Uri.UnescapeDataString(s[2]), version),
            FakeRoutes.DeleteAllocation => DeleteAllocation(Uri.UnescapeDataString(s[2]), version),
            FakeRoutes.InjectNmi => InjectNmi(route.NodeIdent!, version),
            FakeRoutes.ListPorts => ListPorts(request, query, version, detail: false),
            FakeRoutes.ListPortsDetail => ListPorts(request, query, version, detail: true),
            FakeRoutes.CreatePort => CreatePort(request, version),
            FakeRoutes.ListPortgroups => ListPortgroups(request, query, version, detail: false),
            FakeRoutes.ListPortgroupsDetail => ListPortgroups(request, query, version, detail: true),
            FakeRoutes.CreatePortgroup => CreatePortgroup(request, version),
            _ => throw new IronicFaultException(HttpStatusCode.MethodNotAllowed, "The server could not comply with the request since it " +
                "is either malformed or otherwise incorrect."),
        };
    }

    // ---- version, auth and the two public documents -------------------------------------------------------------

    private bool TryNegotiate(FakeRequest request, out RequestVersion version,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out FakeResponse? refused)
    {
        refused = null;
        string? asked = request.Header(VersionHeader)?.Trim();
        if (asked is null)
        {
            version = new(_min);
            return true;
        }
        if (string.Equals(asked, "latest", StringComparison.OrdinalIgnoreCase))
        {
            version = new(_max);
            return true;
        }
        version = default;
        if (!ApiVersion.TryParse(asked, out ApiVersion parsed))
        {
            refused = Json(HttpStatusCode.NotAcceptable,
                FakeJson.MiddlewareError(406, "Not Acceptable", "Invalid value for X-OpenStack-Ironic-API-Version header"));
            return false;
        }
        if (parsed < _min || parsed > _max)
        {
            refused = Json(HttpStatusCode.NotAcceptable, FakeJson.MiddlewareError(406, "Not Acceptable",
                $"Version {asked} was requested but the minor version is not supported by this service. The supported version range is: " +
                    $"[{_min}, {_max}]."));
            refused.AddHeader("X-OpenStack-Ironic-API-Minimum-Version", _min.ToString());
            refused.AddHeader("X-OpenStack-Ironic-API-Maximum-Version", _max.ToString());
            return false;
        }
        version = new(parsed);
        return true;
    }

    private FakeResponse? Unauthorized(FakeRequest request)
    {
        if (options.BasicAuth is not { } auth || request.Path.Trim('/') is "" or "v1") { return null; }
        string? header = request.Header("Authorization");
        string? message = "Authorization required";
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string given;
            try { given = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
            catch (FormatException) { given = ""; }
            message = given == $"{auth.Username}:{auth.Password}" ? null : "Incorrect username or password";
        }
        if (message is null) { return null; }
        FakeResponse denied = Json(HttpStatusCode.Unauthorized, FakeJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteNumber("code", 401);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        denied.AddHeader("WWW-Authenticate", "Basic realm=\"Baremetal API\"");
        return denied;
    }

    private FakeResponse Root(FakeRequest request) => Json(HttpStatusCode.OK, FakeJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("name", "OpenStack Ironic API");
        w.WriteString("description", "Ironic is an OpenStack project which enables the provision and management of baremetal machines.");
        w.WritePropertyName("default_version");
        WriteVersion(w, request.PublicUrl);
        w.WriteStartArray("versions");
        WriteVersion(w, request.PublicUrl);
        w.WriteEndArray();
        w.WriteEndObject();
    }));

    private FakeResponse Index(FakeRequest request, RequestVersion version) => Ok(w =>
    {
        string root = request.PublicUrl.GetLeftPart(UriPartial.Authority);
        w.WriteStartObject();
        w.WriteString("id", "v1");
        w.WriteStartArray("links");
        w.WriteStartObject(); w.WriteString("href", $"{root}/v1/"); w.WriteString("rel", "self"); w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("href", "https://docs.openstack.org//ironic/latest/contributor//webapi.html");
        w.WriteString("rel", "describedby");
        w.WriteString("type", "text/html");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("media_types");
        w.WriteString("base", "application/json");
        w.WriteString("type", "application/vnd.openstack.ironic.v1+json");
        w.WriteEndObject();
        foreach (string resource in (ReadOnlySpan<string>)["chassis", "nodes", "ports", "drivers"])
        {
            FakeJson.WriteLinks(w, resource, request.PublicUrl, $"{resource}/");
        }
        w.WritePropertyName("version");
        WriteVersion(w, request.PublicUrl);
        foreach (string resource in NewerIndexResources(version))
        {
            FakeJson.WriteLinks(w, resource, request.PublicUrl, $"{resource}/");
        }
        w.WriteEndObject();
    });

    /// <summary>The index entries added by later microversions, in Ironic's order.</summary>
    private static IEnumerable<string> NewerIndexResources(RequestVersion version)
    {
        if (version.AtLeast(24)) { yield return "portgroups"; }
        if (version.AtLeast(32)) { yield return "volume"; }
        if (version.AtLeast(22))
        {
            yield return "lookup";
            yield return "heartbeat";
        }
        if (version.AtLeast(49)) { yield return "conductors"; }
        if (version.AtLeast(52)) { yield return "allocations"; }
        if (version.AtLeast(54)) { yield return "events"; }
        if (version.AtLeast(55)) { yield return "deploy_templates"; }
        if (version.AtLeast(82)) { yield return "shards"; }
    }

    private void WriteVersion(Utf8JsonWriter w, Uri publicUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", "v1");
        w.WriteStartArray("links");
        w.WriteStartObject();
        w.WriteString("href", $"{publicUrl.GetLeftPart(UriPartial.Authority)}/v1/");
        w.WriteString("rel", "self");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("status", "CURRENT");
        w.WriteString("min_version", _min.ToString());
        w.WriteString("version", _max.ToString());
        w.WriteEndObject();
    }

    // ---- shared helpers -----------------------------------------------------------------------------------------

    private static FakeResponse Json(HttpStatusCode status, byte[] body)
    {
        var response = new FakeResponse(status) { Body = body };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    private static FakeResponse Ok(Action<Utf8JsonWriter> write) => Json(HttpStatusCode.OK, FakeJson.Write(write));

    private static FakeResponse NoContent() => new(HttpStatusCode.NoContent);

    /// <summary>202 with <c>Location: …/v1/nodes/{ident}/states[/console]</c>, as Ironic answers the asynchronous actions.</summary>
    private static FakeResponse Accepted(FakeRequest request, string nodeIdent, string location)
    {
        var response = new FakeResponse(HttpStatusCode.Accepted);
        response.AddHeader("Location", $"{request.PublicUrl.GetLeftPart(UriPartial.Authority)}/v1/nodes/{nodeIdent}/{location}");
        return response;
    }

    /// <summary>The node named by UUID or name, with its due conductor work applied; 404 NodeNotFound otherwise.</summary>
    private FakeNode Node(string ident)
    {
        FakeNode node = db.Find(ident) ?? throw IronicFaultException.NodeNotFound(ident);
        conductor.Advance(node);
        return node;
    }

    /// <summary>A write that needs the conductor's lock on the node: 409 NodeLocked while work holds it.</summary>
    private static void Lock(FakeNode node)
    {
        if (node.Reservation is { } host)
        {
            throw IronicFaultException.NodeLocked(node.Uuid, host);
        }
    }

    /// <summary>Conductor actions refuse nodes outside the served conductor group, as Ironic's RPC routing does.</summary>
    private void CheckConductorFor(string group)
    {
        if (!string.Equals(group, options.ConductorGroup, StringComparison.OrdinalIgnoreCase))
        {
            throw IronicFaultException.BadRequest($"No valid host was found. Reason: No conductor service registered which supports " +
                $"driver fake-hardware for conductor group \"{group}\".");
        }
    }

    /// <summary>Parses a JSON body; <paramref name="missing"/> is Ironic's answer to a body that is not an object with that key.</summary>
    private static JsonObject BodyObject(FakeRequest request, string missing)
    {
        JsonNode? body = ParseBody(request);
        return body as JsonObject ?? throw IronicFaultException.BadRequest($"Missing mandatory parameter: {missing}");
    }

    private static JsonNode? ParseBody(FakeRequest request)
    {
        if (request.Body.Length == 0) { return null; }
        try { return JsonNode.Parse(request.Body); }
        catch (JsonException) { return null; }
    }

    private static Guid? ParseUuid(JsonNode? value, string what)
    {
        if (value is null) { return null; }
        string text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return Guid.TryParse(text, out Guid uuid) && text.Length == 36
            ? uuid
            : throw IronicFaultException.BadRequest($"Expected a UUID for {what}: received {text}.");
    }
}
