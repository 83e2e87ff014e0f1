using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic;

/// <summary>
/// The Ironic REST API the compute driver uses, one method per call. Every call sends the negotiated
/// <c>X-OpenStack-Ironic-API-Version</c>; a call that needs a newer microversion throws
/// <see cref="UnsupportedMicroversionException"/> before anything is sent. Refused requests (503, 409 NodeLocked,
/// no conductor, connection never made) are retried within the configured bounds; everything else surfaces as a
/// specific <see cref="BareMetalException"/>. The caller's cancellation is never turned into a failure.
/// </summary>
/// <remarks>Common exceptions of every call: <see cref="IronicAuthenticationException"/>, <see cref="IronicUnavailableException"/>
/// (after retries), <see cref="IronicTransportException"/> subtypes, <see cref="KeystoneAuthenticationException"/>.</remarks>
public interface IIronicClient
{
    /// <summary>Discovers the server's microversion range once (<c>GET /</c>) and returns what is negotiated.</summary>
    /// <exception cref="UnsupportedMicroversionException">The server's range does not meet this client's minimum.</exception>
    Task<ApiVersionRange> GetApiVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists nodes page by page (<c>GET /v1/nodes</c>), fetching a page only when the caller gets there.</summary>
    /// <remarks>Every page re-sends the query's filters with the marker; <c>next</c> is only a "more may follow" signal.
    /// A marker node deleted between pages does not end or break the listing. Needs 1.8 for fields, and the version of each
    /// filter.</remarks>
    /// <exception cref="ArgumentException">An unknown field, or a non-positive limit.</exception>
    IAsyncEnumerable<Node> ListNodesAsync(NodeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets one node (<c>GET /v1/nodes/{id}</c>), optionally with only <paramref name="fields"/>.</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    Task<Node> GetNodeAsync(NodeId nodeId, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary>Updates a node with JSON Patch operations (<c>PATCH /v1/nodes/{id}</c>) and returns the updated node.</summary>
    /// <remarks>A lost answer is not retried (the write may have happened): re-read the node to decide.</remarks>
    /// <exception cref="NodeAssociatedException">instance_uuid already holds another instance.</exception>
    /// <exception cref="InstanceAssociatedException">The instance already owns another node.</exception>
    /// <exception cref="NodeTransitionInProgressException">A state transition is running.</exception>
    /// <exception cref="NodeLockedException">Still locked after the retries.</exception>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    Task<Node> PatchNodeAsync(NodeId nodeId, IReadOnlyList<JsonPatchOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Validates the node's interfaces (<c>GET /v1/nodes/{id}/validate</c>).</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    Task<NodeValidation> ValidateNodeAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Reads the node's states (<c>GET /v1/nodes/{id}/states</c>).</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    Task<NodeStates> GetNodeStatesAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Lists the VIFs attached to the node (<c>GET /v1/nodes/{id}/vifs</c>, 1.28).</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    Task<IReadOnlyList<VifId>> ListVifsAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Attaches a VIF (<c>POST /v1/nodes/{id}/vifs</c>, 1.28; port or portgroup choice 1.67).</summary>
    /// <exception cref="VifAlreadyAttachedException">The VIF is already attached (possibly to this node: list to decide).</exception>
    /// <exception cref="NoFreePortException">No free port or portgroup is left.</exception>
    Task AttachVifAsync(NodeId nodeId, VifAttachment attachment, CancellationToken cancellationToken = default);

    /// <summary>Detaches a VIF (<c>DELETE /v1/nodes/{id}/vifs/{vif}</c>, 1.28).</summary>
    /// <exception cref="VifNotAttachedException">It was not attached (also the answer to a re-sent detach that succeeded).</exception>
    Task DetachVifAsync(NodeId nodeId, VifId vifId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Requests a provision state change (<c>PUT /v1/nodes/{id}/states/provision</c>); returns once Ironic accepted it
    /// (202).
    /// </summary>
    /// <remarks>Rescue and unrescue need 1.38, the JSON config drive 1.56 (vendor data 1.59), a config drive with rebuild 1.35.</remarks>
    /// <exception cref="InvalidStateTransitionException">The verb is not allowed from the node's state.</exception>
    /// <exception cref="NodeLockedException">Still locked after the retries.</exception>
    /// <exception cref="IronicForbiddenException">The node is protected.</exception>
    Task SetProvisionStateAsync(NodeId nodeId, ProvisionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Requests a power change (<c>PUT /v1/nodes/{id}/states/power</c>); returns once Ironic accepted it (202).</summary>
    /// <remarks>Soft targets and a timeout need 1.27.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A timeout that is not a positive whole number of seconds.</exception>
    /// <exception cref="IronicBadRequestException">The power interface cannot do it, or the node is cleaning.</exception>
    Task SetPowerStateAsync(NodeId nodeId, PowerTarget target, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the console state and connection info (<c>GET /v1/nodes/{id}/states/console</c>).</summary>
    Task<NodeConsole> GetConsoleAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enables or disables the console (<c>PUT /v1/nodes/{id}/states/console</c>); asynchronous in Ironic: poll
    /// <see cref="GetConsoleAsync"/>.
    /// </summary>
    Task SetConsoleEnabledAsync(NodeId nodeId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Lists the node's traits (<c>GET /v1/nodes/{id}/traits</c>, 1.37).</summary>
    Task<IReadOnlyList<string>> GetTraitsAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Replaces all of the node's traits (<c>PUT /v1/nodes/{id}/traits</c>, 1.37).</summary>
    /// <exception cref="ArgumentException">A trait that is neither standard-looking nor <c>CUSTOM_[A-Z0-9_]+</c>.</exception>
    Task SetTraitsAsync(NodeId nodeId, IReadOnlyList<string> traits, CancellationToken cancellationToken = default);

    /// <summary>Adds one trait (<c>PUT /v1/nodes/{id}/traits/{trait}</c>, 1.37).</summary>
    Task AddTraitAsync(NodeId nodeId, string trait, CancellationToken cancellationToken = default);

    /// <summary>Removes one trait (<c>DELETE /v1/nodes/{id}/traits/{trait}</c>, 1.37).</summary>
    /// <exception cref="IronicNotFoundException">The node does not have it.</exception>
    Task RemoveTraitAsync(NodeId nodeId, string trait, CancellationToken cancellationToken = default);

    /// <summary>Lists the node's ports with details (<c>GET /v1/ports/detail?node=</c>).</summary>
    IAsyncEnumerable<Port> ListPortsAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Lists the node's portgroups with details (<c>GET /v1/portgroups/detail?node=</c>, 1.24).</summary>
    IAsyncEnumerable<Portgroup> ListPortgroupsAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Injects a non-maskable interrupt (<c>PUT /v1/nodes/{id}/management/inject_nmi</c>, 1.29).</summary>
    Task InjectNmiAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Lists the node's volume targets (<c>GET /v1/volume/targets?node=&amp;detail=True</c>, 1.32).</summary>
    IAsyncEnumerable<VolumeTarget> ListVolumeTargetsAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Creates a volume target (<c>POST /v1/volume/targets</c>, 1.32).</summary>
    /// <exception cref="IronicConflictException">The node already has a target with that boot index.</exception>
    /// <exception cref="IronicBadRequestException">The node does not exist or the target is malformed.</exception>
    Task<VolumeTarget> CreateVolumeTargetAsync(NewVolumeTarget target, CancellationToken cancellationToken = default);

    /// <summary>Deletes a volume target (<c>DELETE /v1/volume/targets/{id}</c>, 1.32); its node must be powered off.</summary>
    /// <exception cref="IronicNotFoundException">It does not exist.</exception>
    Task DeleteVolumeTargetAsync(VolumeTargetId targetId, CancellationToken cancellationToken = default);

    /// <summary>Lists the node's volume connectors (<c>GET /v1/volume/connectors?node=&amp;detail=True</c>, 1.32).</summary>
    IAsyncEnumerable<VolumeConnector> ListVolumeConnectorsAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Creates a volume connector (<c>POST /v1/volume/connectors</c>, 1.32).</summary>
    /// <exception cref="IronicConflictException">A connector of that type and id exists.</exception>
    Task<VolumeConnector> CreateVolumeConnectorAsync(NewVolumeConnector connector, CancellationToken cancellationToken = default);

    /// <summary>Deletes a volume connector (<c>DELETE /v1/volume/connectors/{id}</c>, 1.32); its node must be powered off.</summary>
    Task DeleteVolumeConnectorAsync(VolumeConnectorId connectorId, CancellationToken cancellationToken = default);

    /// <summary>Lists the deploy templates with their steps (<c>GET /v1/deploy_templates?detail=True</c>, 1.55).</summary>
    IAsyncEnumerable<DeployTemplate> ListDeployTemplatesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a deploy template by its name, a trait (<c>GET /v1/deploy_templates/{name}</c>, 1.55).</summary>
    /// <exception cref="IronicNotFoundException">No template has that name.</exception>
    Task<DeployTemplate> GetDeployTemplateAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a deploy template (<c>POST /v1/deploy_templates</c>, 1.55).</summary>
    /// <exception cref="IronicConflictException">A template has that name.</exception>
    Task<DeployTemplate> CreateDeployTemplateAsync(NewDeployTemplate newTemplate, CancellationToken cancellationToken = default);

    /// <summary>Deletes a deploy template (<c>DELETE /v1/deploy_templates/{id}</c>, 1.55).</summary>
    Task DeleteDeployTemplateAsync(DeployTemplateId templateId, CancellationToken cancellationToken = default);

    /// <summary>The UUID of the node with this name (<c>GET /v1/nodes/{name}?fields=uuid</c>, 1.5).</summary>
    /// <exception cref="NodeNotFoundException">No node has that name.</exception>
    Task<NodeId> ResolveNodeAsync(NodeName name, CancellationToken cancellationToken = default);

    /// <summary>Puts the node in maintenance with a reason (<c>PUT /v1/nodes/{id}/maintenance</c>).</summary>
    Task SetMaintenanceAsync(NodeId nodeId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Takes the node out of maintenance (<c>DELETE /v1/nodes/{id}/maintenance</c>).</summary>
    Task ClearMaintenanceAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>The node's boot device (<c>GET /v1/nodes/{id}/management/boot_device</c>).</summary>
    Task<BootDevice> GetBootDeviceAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>Sets the node's boot device, for the next boot or for good (<c>PUT …/management/boot_device</c>).</summary>
    /// <exception cref="IronicBadRequestException">The node's management interface does not support it.</exception>
    Task SetBootDeviceAsync(NodeId nodeId, string device, bool persistent, CancellationToken cancellationToken = default);

    /// <summary>The boot devices the node supports (<c>GET …/management/boot_device/supported</c>).</summary>
    Task<IReadOnlyList<string>> GetSupportedBootDevicesAsync(NodeId nodeId, CancellationToken cancellationToken = default);

    /// <summary>The port with this MAC address, or null (<c>GET /v1/ports/detail?address=</c>).</summary>
    Task<Port?> FindPortByAddressAsync(string macAddress, CancellationToken cancellationToken = default);

    /// <summary>Asks Ironic for a node (<c>POST /v1/allocations</c>, 1.52); wait for it with <c>INodeWaiter</c>.</summary>
    Task<Allocation> CreateAllocationAsync(NewAllocation allocation, CancellationToken cancellationToken = default);

    /// <summary>Reads an allocation (<c>GET /v1/allocations/{id}</c>, 1.52).</summary>
    /// <exception cref="IronicNotFoundException">It does not exist.</exception>
    Task<Allocation> GetAllocationAsync(AllocationId allocationId, CancellationToken cancellationToken = default);

    /// <summary>Lists allocations (<c>GET /v1/allocations</c>, 1.52).</summary>
    IAsyncEnumerable<Allocation> ListAllocationsAsync(AllocationQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an allocation and frees its node (<c>DELETE /v1/allocations/{id}</c>, 1.52).</summary>
    Task DeleteAllocationAsync(AllocationId allocationId, CancellationToken cancellationToken = default);
}
