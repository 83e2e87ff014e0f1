using BareMetal.Ironic.Models;
using Refit;

namespace BareMetal.Ironic.Api;

/// <summary>
/// Ironic's REST API as Refit sees it: one method per call, its verb and route in the attribute. No behaviour lives
/// here; <see cref="IronicClient"/> adds microversions, paging, bounds, checks and the error mapping on top.
/// </summary>
[Headers("Accept: application/json")]
internal interface IIronicApi
{
    /// <summary>The header that carries the microversion of a call.</summary>
    const string Version = "X-OpenStack-Ironic-API-Version";

    [Get(IronicRoutes.Root)]
    Task<ApiVersionDocument> GetVersionsAsync(CancellationToken cancellationToken);

    [Get(IronicRoutes.Nodes)]
    Task<NodeListPage> ListNodesAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Node)]
    Task<Node> GetNodeAsync([AliasAs("node_id")] string node, [Query(CollectionFormat.Csv)] string[]? fields,
        [Header(Version)] string version, CancellationToken cancellationToken);

    [Patch(IronicRoutes.Node)]
    Task<Node> PatchNodeAsync([AliasAs("node_id")] string node, [Body] JsonPatchOperation[] operations, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Validate)]
    Task<Dictionary<string, InterfaceValidation>> ValidateNodeAsync([AliasAs("node_id")] string node, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.NodeStates)]
    Task<NodeStates> GetNodeStatesAsync([AliasAs("node_id")] string node, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.ProvisionState)]
    Task SetProvisionStateAsync([AliasAs("node_id")] string node, [Body] ProvisionRequest request, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.PowerState)]
    Task SetPowerStateAsync([AliasAs("node_id")] string node, [Body] PowerRequest request, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Console)]
    Task<NodeConsole> GetConsoleAsync([AliasAs("node_id")] string node, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.Console)]
    Task SetConsoleAsync([AliasAs("node_id")] string node, [Body] ConsoleRequest request, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Vifs)]
    Task<VifList> ListVifsAsync([AliasAs("node_id")] string node, [Header(Version)] string version, CancellationToken cancellationToken);

    [Post(IronicRoutes.Vifs)]
    Task AttachVifAsync([AliasAs("node_id")] string node, [Body] VifAttachment attachment, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.Vif)]
    Task DetachVifAsync([AliasAs("node_id")] string node, [AliasAs("vif_id")] string vif, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Traits)]
    Task<TraitList> GetTraitsAsync([AliasAs("node_id")] string node, [Header(Version)] string version, CancellationToken cancellationToken);

    [Put(IronicRoutes.Traits)]
    Task SetTraitsAsync([AliasAs("node_id")] string node, [Body] TraitList traits, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.Trait)]
    Task AddTraitAsync([AliasAs("node_id")] string node, string trait, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.Trait)]
    Task RemoveTraitAsync([AliasAs("node_id")] string node, string trait, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.InjectNmi)]
    Task InjectNmiAsync([AliasAs("node_id")] string node, [Body] EmptyBody body, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.PortsDetail)]
    Task<PortListPage> ListPortsAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.PortgroupsDetail)]
    Task<PortgroupListPage> ListPortgroupsAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.VolumeTargets)]
    Task<VolumeTargetListPage> ListVolumeTargetsAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Post(IronicRoutes.VolumeTargets)]
    Task<VolumeTarget> CreateVolumeTargetAsync([Body] NewVolumeTarget target, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.VolumeTarget)]
    Task DeleteVolumeTargetAsync([AliasAs("target_id")] string target, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.VolumeConnectors)]
    Task<VolumeConnectorListPage> ListVolumeConnectorsAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Post(IronicRoutes.VolumeConnectors)]
    Task<VolumeConnector> CreateVolumeConnectorAsync([Body] NewVolumeConnector connector, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.VolumeConnector)]
    Task DeleteVolumeConnectorAsync([AliasAs("connector_id")] string connector, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.DeployTemplates)]
    Task<DeployTemplateListPage> ListDeployTemplatesAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.DeployTemplate)]
    Task<DeployTemplate> GetDeployTemplateAsync([AliasAs("template_ident")] string template, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Post(IronicRoutes.DeployTemplates)]
    Task<DeployTemplate> CreateDeployTemplateAsync([Body] NewDeployTemplate template, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.DeployTemplate)]
    Task DeleteDeployTemplateAsync([AliasAs("template_ident")] string template, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.Maintenance)]
    Task SetMaintenanceAsync([AliasAs("node_id")] string node, [Body] MaintenanceRequest request, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.Maintenance)]
    Task ClearMaintenanceAsync([AliasAs("node_id")] string node, [Header(Version)] string version, CancellationToken cancellationToken);

    [Get(IronicRoutes.BootDevice)]
    Task<BootDevice> GetBootDeviceAsync([AliasAs("node_id")] string node, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Put(IronicRoutes.BootDevice)]
    Task SetBootDeviceAsync([AliasAs("node_id")] string node, [Body] BootDeviceRequest request, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.SupportedBootDevices)]
    Task<BootDeviceList> GetSupportedBootDevicesAsync([AliasAs("node_id")] string node, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Allocations)]
    Task<AllocationListPage> ListAllocationsAsync([Query] IDictionary<string, string> query, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Get(IronicRoutes.Allocation)]
    Task<Allocation> GetAllocationAsync([AliasAs("allocation_id")] string allocation, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Post(IronicRoutes.Allocations)]
    Task<Allocation> CreateAllocationAsync([Body] NewAllocation allocation, [Header(Version)] string version,
        CancellationToken cancellationToken);

    [Delete(IronicRoutes.Allocation)]
    Task DeleteAllocationAsync([AliasAs("allocation_id")] string allocation, [Header(Version)] string version,
        CancellationToken cancellationToken);
}
