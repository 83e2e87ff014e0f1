namespace BareMetal.Ironic.Fake;

/// <summary>The route templates the fake serves: they name routes in fault rules and in the request log.</summary>
public static class FakeRoutes
{
    /// <summary><c>GET /</c>: version discovery.</summary>
    public const string Root = "GET /";
    /// <summary><c>GET /v1/nodes</c>.</summary>
    public const string ListNodes = "GET /v1/nodes";
    /// <summary><c>GET /v1/nodes/detail</c>.</summary>
    public const string ListNodesDetail = "GET /v1/nodes/detail";
    /// <summary><c>POST /v1/nodes</c>.</summary>
    public const string CreateNode = "POST /v1/nodes";
    /// <summary><c>GET /v1/nodes/{node}</c>.</summary>
    public const string GetNode = "GET /v1/nodes/{node}";
    /// <summary><c>PATCH /v1/nodes/{node}</c>.</summary>
    public const string PatchNode = "PATCH /v1/nodes/{node}";
    /// <summary><c>GET /v1/nodes/{node}/states</c>.</summary>
    public const string GetStates = "GET /v1/nodes/{node}/states";
    /// <summary><c>PUT /v1/nodes/{node}/states/provision</c>.</summary>
    public const string SetProvisionState = "PUT /v1/nodes/{node}/states/provision";
    /// <summary><c>PUT /v1/nodes/{node}/states/power</c>.</summary>
    public const string SetPowerState = "PUT /v1/nodes/{node}/states/power";
    /// <summary><c>GET /v1/nodes/{node}/states/console</c>.</summary>
    public const string GetConsole = "GET /v1/nodes/{node}/states/console";
    /// <summary><c>PUT /v1/nodes/{node}/states/console</c>.</summary>
    public const string SetConsole = "PUT /v1/nodes/{node}/states/console";
    /// <summary><c>GET /v1/nodes/{node}/validate</c>.</summary>
    public const string Validate = "GET /v1/nodes/{node}/validate";
    /// <summary><c>GET /v1/nodes/{node}/vifs</c>.</summary>
    public const string ListVifs = "GET /v1/nodes/{node}/vifs";
    /// <summary><c>POST /v1/nodes/{node}/vifs</c>.</summary>
    public const string AttachVif = "POST /v1/nodes/{node}/vifs";
    /// <summary><c>DELETE /v1/nodes/{node}/vifs/{vif}</c>.</summary>
    public const string DetachVif = "DELETE /v1/nodes/{node}/vifs/{vif}";
    /// <summary><c>GET /v1/nodes/{node}/traits</c>.</summary>
    public const string GetTraits = "GET /v1/nodes/{node}/traits";
    /// <summary><c>PUT /v1/nodes/{node}/traits</c>.</summary>
    public const string SetTraits = "PUT /v1/nodes/{node}/traits";
    /// <summary><c>GET /v1/ports/detail</c>.</summary>
    public const string ListPortsDetail = "GET /v1/ports/detail";
    /// <summary><c>GET /v1/portgroups/detail</c>.</summary>
    public const string ListPortgroupsDetail = "GET /v1/portgroups/detail";
    /// <summary><c>GET /v1</c>.</summary>
    public const string Index = "GET /v1";
    /// <summary><c>DELETE /v1/nodes/{node}/traits</c>.</summary>
    public const string RemoveAllTraits = "DELETE /v1/nodes/{node}/traits";
    /// <summary><c>PUT /v1/nodes/{node}/traits/{trait}</c>.</summary>
    public const string AddTrait = "PUT /v1/nodes/{node}/traits/{trait}";
    /// <summary><c>DELETE /v1/nodes/{node}/traits/{trait}</c>.</summary>
    public const string RemoveTrait = "DELETE /v1/nodes/{node}/traits/{trait}";
    /// <summary><c>GET /v1/nodes/{node}/ports</c>.</summary>
    public const string ListNodePorts = "GET /v1/nodes/{node}/ports";
    /// <summary><c>GET /v1/nodes/{node}/ports/detail</c>.</summary>
    public const string ListNodePortsDetail = "GET /v1/nodes/{node}/ports/detail";
    /// <summary><c>GET /v1/nodes/{node}/portgroups</c>.</summary>
    public const string ListNodePortgroups = "GET /v1/nodes/{node}/portgroups";
    /// <summary><c>GET /v1/nodes/{node}/portgroups/detail</c>.</summary>
    public const string ListNodePortgroupsDetail = "GET /v1/nodes/{node}/portgroups/detail";
    /// <summary><c>GET /v1/nodes/{node}/volume/connectors</c>.</summary>
    public const string ListVolumeConnectors = "GET /v1/nodes/{node}/volume/connectors";
    /// <summary><c>GET /v1/nodes/{node}/volume/targets</c>.</summary>
    public const string ListVolumeTargets = "GET /v1/nodes/{node}/volume/targets";
    /// <summary><c>PUT /v1/nodes/{node}/management/inject_nmi</c>.</summary>
    public const string InjectNmi = "PUT /v1/nodes/{node}/management/inject_nmi";
    /// <summary><c>GET /v1/ports</c>.</summary>
    public const string ListPorts = "GET /v1/ports";
    /// <summary><c>POST /v1/ports</c>.</summary>
    public const string CreatePort = "POST /v1/ports";
    /// <summary><c>GET /v1/portgroups</c>.</summary>
    public const string ListPortgroups = "GET /v1/portgroups";
    /// <summary><c>POST /v1/portgroups</c>.</summary>
    public const string CreatePortgroup = "POST /v1/portgroups";

    /// <summary>Every route above, for matching a request to its template.</summary>
    internal static readonly string[] All =
    [
        Root,
        ListNodes,
        ListNodesDetail,
        CreateNode,
        GetNode,
        PatchNode,
        GetStates,
        SetProvisionState,
        SetPowerState,
        GetConsole,
        SetConsole,
        Validate,
        ListVifs,
        AttachVif,
        DetachVif,
        GetTraits,
        SetTraits,
        ListPortsDetail,
        ListPortgroupsDetail,
        Index,
        RemoveAllTraits,
        AddTrait,
        RemoveTrait,
        ListNodePorts,
        ListNodePortsDetail,
        ListNodePortgroups,
        ListNodePortgroupsDetail,
        ListVolumeConnectors,
        ListVolumeTargets,
        InjectNmi,
        ListPorts,
        CreatePort,
        ListPortgroups,
        CreatePortgroup,
    ];
}
