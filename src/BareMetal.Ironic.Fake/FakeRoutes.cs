using BareMetal.Ironic.Api;

namespace BareMetal.Ironic.Fake;

/// <summary>
/// The routes the fake serves, as method and <see cref="IronicRoutes"/> template: they name routes in fault rules and in
/// the request log.
/// </summary>
public static class FakeRoutes
{
    /// <summary><c>GET /</c>: version discovery.</summary>
    public const string Root = "GET " + IronicRoutes.Root;
    /// <summary><c>GET /v1/nodes</c>.</summary>
    public const string ListNodes = "GET " + IronicRoutes.Nodes;
    /// <summary><c>GET /v1/nodes/detail</c>.</summary>
    public const string ListNodesDetail = "GET " + IronicRoutes.NodesDetail;
    /// <summary><c>POST /v1/nodes</c>.</summary>
    public const string CreateNode = "POST " + IronicRoutes.Nodes;
    /// <summary><c>GET /v1/nodes/{node_id}</c>.</summary>
    public const string GetNode = "GET " + IronicRoutes.Node;
    /// <summary><c>PATCH /v1/nodes/{node_id}</c>.</summary>
    public const string PatchNode = "PATCH " + IronicRoutes.Node;
    /// <summary><c>GET /v1/nodes/{node_id}/states</c>.</summary>
    public const string GetStates = "GET " + IronicRoutes.NodeStates;
    /// <summary><c>PUT /v1/nodes/{node_id}/states/provision</c>.</summary>
    public const string SetProvisionState = "PUT " + IronicRoutes.ProvisionState;
    /// <summary><c>PUT /v1/nodes/{node_id}/states/power</c>.</summary>
    public const string SetPowerState = "PUT " + IronicRoutes.PowerState;
    /// <summary><c>GET /v1/nodes/{node_id}/states/console</c>.</summary>
    public const string GetConsole = "GET " + IronicRoutes.Console;
    /// <summary><c>PUT /v1/nodes/{node_id}/states/console</c>.</summary>
    public const string SetConsole = "PUT " + IronicRoutes.Console;
    /// <summary><c>GET /v1/nodes/{node_id}/validate</c>.</summary>
    public const string Validate = "GET " + IronicRoutes.Validate;
    /// <summary><c>GET /v1/nodes/{node_id}/vifs</c>.</summary>
    public const string ListVifs = "GET " + IronicRoutes.Vifs;
    /// <summary><c>POST /v1/nodes/{node_id}/vifs</c>.</summary>
    public const string AttachVif = "POST " + IronicRoutes.Vifs;
    /// <summary><c>DELETE /v1/nodes/{node_id}/vifs/{vif_id}</c>.</summary>
    public const string DetachVif = "DELETE " + IronicRoutes.Vif;
    /// <summary><c>GET /v1/nodes/{node_id}/traits</c>.</summary>
    public const string GetTraits = "GET " + IronicRoutes.Traits;
    /// <summary><c>PUT /v1/nodes/{node_id}/traits</c>.</summary>
    public const string SetTraits = "PUT " + IronicRoutes.Traits;
    /// <summary><c>GET /v1/ports/detail</c>.</summary>
    public const string ListPortsDetail = "GET " + IronicRoutes.PortsDetail;
    /// <summary><c>GET /v1/portgroups/detail</c>.</summary>
    public const string ListPortgroupsDetail = "GET " + IronicRoutes.PortgroupsDetail;
    /// <summary><c>GET /v1</c>.</summary>
    public const string Index = "GET " + IronicRoutes.Index;
    /// <summary><c>DELETE /v1/nodes/{node_id}/traits</c>.</summary>
    public const string RemoveAllTraits = "DELETE " + IronicRoutes.Traits;
    /// <summary><c>PUT /v1/nodes/{node_id}/traits/{trait}</c>.</summary>
    public const string AddTrait = "PUT " + IronicRoutes.Trait;
    /// <summary><c>DELETE /v1/nodes/{node_id}/traits/{trait}</c>.</summary>
    public const string RemoveTrait = "DELETE " + IronicRoutes.Trait;
    /// <summary><c>GET /v1/nodes/{node_id}/ports</c>.</summary>
    public const string ListNodePorts = "GET " + IronicRoutes.NodePorts;
    /// <summary><c>GET /v1/nodes/{node_id}/ports/detail</c>.</summary>
    public const string ListNodePortsDetail = "GET " + IronicRoutes.NodePortsDetail;
    /// <summary><c>GET /v1/nodes/{node_id}/portgroups</c>.</summary>
    public const string ListNodePortgroups = "GET " + IronicRoutes.NodePortgroups;
    /// <summary><c>GET /v1/nodes/{node_id}/portgroups/detail</c>.</summary>
    public const string ListNodePortgroupsDetail = "GET " + IronicRoutes.NodePortgroupsDetail;
    /// <summary><c>GET /v1/nodes/{node_id}/volume/connectors</c>.</summary>
    public const string ListVolumeConnectors = "GET " + IronicRoutes.NodeVolumeConnectors;
    /// <summary><c>GET /v1/nodes/{node_id}/volume/targets</c>.</summary>
    public const string ListVolumeTargets = "GET " + IronicRoutes.NodeVolumeTargets;
    /// <summary><c>PUT /v1/nodes/{node_id}/management/inject_nmi</c>.</summary>
    public const string InjectNmi = "PUT " + IronicRoutes.InjectNmi;
    /// <summary><c>GET /v1/ports</c>.</summary>
    public const string ListPorts = "GET " + IronicRoutes.Ports;
    /// <summary><c>POST /v1/ports</c>.</summary>
    public const string CreatePort = "POST " + IronicRoutes.Ports;
    /// <summary><c>GET /v1/portgroups</c>.</summary>
    public const string ListPortgroups = "GET " + IronicRoutes.Portgroups;
    /// <summary><c>POST /v1/portgroups</c>.</summary>
    public const string CreatePortgroup = "POST " + IronicRoutes.Portgroups;
    /// <summary><c>GET /v1/volume/targets</c> (1.32).</summary>
    public const string ListAllVolumeTargets = "GET " + IronicRoutes.VolumeTargets;
    /// <summary><c>POST /v1/volume/targets</c> (1.32).</summary>
    public const string CreateVolumeTarget = "POST " + IronicRoutes.VolumeTargets;
    /// <summary><c>DELETE /v1/volume/targets/{target_id}</c> (1.32).</summary>
    public const string DeleteVolumeTarget = "DELETE " + IronicRoutes.VolumeTarget;
    /// <summary><c>GET /v1/volume/connectors</c> (1.32).</summary>
    public const string ListAllVolumeConnectors = "GET " + IronicRoutes.VolumeConnectors;
    /// <summary><c>POST /v1/volume/connectors</c> (1.32).</summary>
    public const string CreateVolumeConnector = "POST " + IronicRoutes.VolumeConnectors;
    /// <summary><c>DELETE /v1/volume/connectors/{connector_id}</c> (1.32).</summary>
    public const string DeleteVolumeConnector = "DELETE " + IronicRoutes.VolumeConnector;
    /// <summary><c>GET /v1/deploy_templates</c> (1.55).</summary>
    public const string ListDeployTemplates = "GET " + IronicRoutes.DeployTemplates;
    /// <summary><c>POST /v1/deploy_templates</c> (1.55).</summary>
    public const string CreateDeployTemplate = "POST " + IronicRoutes.DeployTemplates;
    /// <summary><c>GET /v1/deploy_templates/{template_ident}</c> (1.55).</summary>
    public const string GetDeployTemplate = "GET " + IronicRoutes.DeployTemplate;
    /// <summary><c>DELETE /v1/deploy_templates/{template_ident}</c> (1.55).</summary>
    public const string DeleteDeployTemplate = "DELETE " + IronicRoutes.DeployTemplate;
    /// <summary><c>PUT /v1/nodes/{node_id}/maintenance</c>.</summary>
    public const string SetMaintenance = "PUT " + IronicRoutes.Maintenance;
    /// <summary><c>DELETE /v1/nodes/{node_id}/maintenance</c>.</summary>
    public const string ClearMaintenance = "DELETE " + IronicRoutes.Maintenance;
    /// <summary><c>GET /v1/nodes/{node_id}/management/boot_device</c>.</summary>
    public const string GetBootDevice = "GET " + IronicRoutes.BootDevice;
    /// <summary><c>PUT /v1/nodes/{node_id}/management/boot_device</c>.</summary>
    public const string SetBootDevice = "PUT " + IronicRoutes.BootDevice;
    /// <summary><c>GET /v1/nodes/{node_id}/management/boot_device/supported</c>.</summary>
    public const string GetSupportedBootDevices = "GET " + IronicRoutes.SupportedBootDevices;
    /// <summary><c>GET /v1/allocations</c> (1.52).</summary>
    public const string ListAllocations = "GET " + IronicRoutes.Allocations;
    /// <summary><c>POST /v1/allocations</c> (1.52).</summary>
    public const string CreateAllocation = "POST " + IronicRoutes.Allocations;
    /// <summary><c>GET /v1/allocations/{allocation_id}</c> (1.52).</summary>
    public const string GetAllocation = "GET " + IronicRoutes.Allocation;
    /// <summary><c>DELETE /v1/allocations/{allocation_id}</c> (1.52).</summary>
    public const string DeleteAllocation = "DELETE " + IronicRoutes.Allocation;

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
        ListAllVolumeTargets,
        CreateVolumeTarget,
        DeleteVolumeTarget,
        ListAllVolumeConnectors,
        CreateVolumeConnector,
        DeleteVolumeConnector,
        ListDeployTemplates,
        CreateDeployTemplate,
        GetDeployTemplate,
        DeleteDeployTemplate,
        SetMaintenance,
        ClearMaintenance,
        GetBootDevice,
        SetBootDevice,
        GetSupportedBootDevices,
        ListAllocations,
        CreateAllocation,
        GetAllocation,
        DeleteAllocation,
    ];
}
