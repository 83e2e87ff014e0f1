namespace BareMetal.Ironic.Api;

/// <summary>
/// Every Ironic route template this library knows, spelled once: the Refit interface's attributes, the fake's route
/// table and the telemetry <c>route</c> tags all use these. Placeholders are Ironic's own names.
/// </summary>
public static class IronicRoutes
{
    /// <summary>Version discovery.</summary>
    public const string Root = "/";
    /// <summary>The v1 index.</summary>
    public const string Index = "/v1";
    /// <summary>Nodes (list, create).</summary>
    public const string Nodes = "/v1/nodes";
    /// <summary>Nodes with every field.</summary>
    public const string NodesDetail = Nodes + "/detail";
    /// <summary>One node.</summary>
    public const string Node = Nodes + "/{node_id}";
    /// <summary>A node's states.</summary>
    public const string NodeStates = Node + "/states";
    /// <summary>A node's provision state target.</summary>
    public const string ProvisionState = NodeStates + "/provision";
    /// <summary>A node's power state target.</summary>
    public const string PowerState = NodeStates + "/power";
    /// <summary>A node's console.</summary>
    public const string Console = NodeStates + "/console";
    /// <summary>A node's interface validation.</summary>
    public const string Validate = Node + "/validate";
    /// <summary>A node's VIFs.</summary>
    public const string Vifs = Node + "/vifs";
    /// <summary>One VIF of a node.</summary>
    public const string Vif = Vifs + "/{vif_id}";
    /// <summary>A node's traits.</summary>
    public const string Traits = Node + "/traits";
    /// <summary>One trait of a node.</summary>
    public const string Trait = Traits + "/{trait}";
    /// <summary>A node's ports.</summary>
    public const string NodePorts = Node + "/ports";
    /// <summary>A node's ports with every field.</summary>
    public const string NodePortsDetail = NodePorts + "/detail";
    /// <summary>A node's port groups.</summary>
    public const string NodePortgroups = Node + "/portgroups";
    /// <summary>A node's port groups with every field.</summary>
    public const string NodePortgroupsDetail = NodePortgroups + "/detail";
    /// <summary>A node's volume connectors.</summary>
    public const string NodeVolumeConnectors = Node + "/volume/connectors";
    /// <summary>A node's volume targets.</summary>
    public const string NodeVolumeTargets = Node + "/volume/targets";
    /// <summary>A node's NMI.</summary>
    public const string InjectNmi = Node + "/management/inject_nmi";
    /// <summary>A node's boot device.</summary>
    public const string BootDevice = Node + "/management/boot_device";
    /// <summary>The boot devices a node supports.</summary>
    public const string SupportedBootDevices = BootDevice + "/supported";
    /// <summary>A node's maintenance mode.</summary>
    public const string Maintenance = Node + "/maintenance";
    /// <summary>Volume connectors (list, create).</summary>
    public const string VolumeConnectors = "/v1/volume/connectors";
    /// <summary>One volume connector.</summary>
    public const string VolumeConnector = VolumeConnectors + "/{connector_id}";
    /// <summary>Volume targets (list, create).</summary>
    public const string VolumeTargets = "/v1/volume/targets";
    /// <summary>One volume target.</summary>
    public const string VolumeTarget = VolumeTargets + "/{target_id}";
    /// <summary>Deploy templates (list, create).</summary>
    public const string DeployTemplates = "/v1/deploy_templates";
    /// <summary>One deploy template, by name or UUID.</summary>
    public const string DeployTemplate = DeployTemplates + "/{template_ident}";
    /// <summary>Allocations (list, create).</summary>
    public const string Allocations = "/v1/allocations";
    /// <summary>One allocation, by name or UUID.</summary>
    public const string Allocation = Allocations + "/{allocation_id}";
    /// <summary>Ports (list, create).</summary>
    public const string Ports = "/v1/ports";
    /// <summary>Ports with every field.</summary>
    public const string PortsDetail = Ports + "/detail";
    /// <summary>Port groups (list, create).</summary>
    public const string Portgroups = "/v1/portgroups";
    /// <summary>Port groups with every field.</summary>
    public const string PortgroupsDetail = Portgroups + "/detail";
}
