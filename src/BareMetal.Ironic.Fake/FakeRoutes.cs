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
}
