using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic;

internal sealed partial class IronicClient
{
    /// <summary>Ironic's boot device names (its API refuses any other).</summary>
    private static readonly HashSet<string> BootDevices = ["pxe", "disk", "cdrom", "bios", "safe", "wanboot", "uefihttp", "floppy"];

    /// <inheritdoc />
    public async Task<NodeId> ResolveNodeAsync(NodeName name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        Node node = await SendAsync(new IronicCall("GET", IronicRoutes.Node, null), IronicFeature.NodeNames,
            (v, ct) => _api.GetNodeAsync(name.Value, ["uuid"], v, ct), cancellationToken).ConfigureAwait(false);
        return node.Uuid;
    }

    /// <inheritdoc />
    public Task SetMaintenanceAsync(NodeId nodeId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (reason is { Length: > 255 } || reason?.Any(char.IsControl) == true)
        {
            throw new ArgumentException("A maintenance reason is at most 255 characters without control characters.", nameof(reason));
        }
        return SendAsync(new IronicCall("PUT", IronicRoutes.Maintenance, nodeId), feature: null,
            (v, ct) => _api.SetMaintenanceAsync(nodeId.ToString(), new MaintenanceRequest(reason), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task ClearMaintenanceAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.Maintenance, nodeId), feature: null,
            (v, ct) => _api.ClearMaintenanceAsync(nodeId.ToString(), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<BootDevice> GetBootDeviceAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return SendAsync(new IronicCall("GET", IronicRoutes.BootDevice, nodeId), feature: null,
            (v, ct) => _api.GetBootDeviceAsync(nodeId.ToString(), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task SetBootDeviceAsync(NodeId nodeId, string device, bool persistent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (device is null || !BootDevices.Contains(device))
        {
            throw new ArgumentException($"A boot device is one of {string.Join(", ", BootDevices)}.", nameof(device));
        }
        return SendAsync(new IronicCall("PUT", IronicRoutes.BootDevice, nodeId), feature: null,
            (v, ct) => _api.SetBootDeviceAsync(nodeId.ToString(), new BootDeviceRequest(device, persistent), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetSupportedBootDevicesAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        BootDeviceList supported = await SendAsync(new IronicCall("GET", IronicRoutes.SupportedBootDevices, nodeId), feature: null,
            (v, ct) => _api.GetSupportedBootDevicesAsync(nodeId.ToString(), v, ct), cancellationToken).ConfigureAwait(false);
        return supported.SupportedBootDevices;
    }

    /// <inheritdoc />
    public async Task<Port?> FindPortByAddressAsync(string macAddress, CancellationToken cancellationToken = default)
    {
        if (macAddress is null || !MacAddress().IsMatch(macAddress))
        {
            throw new ArgumentException("A MAC address is six pairs of hex digits separated by colons.", nameof(macAddress));
        }
        var query = new Dictionary<string, string> { ["address"] = macAddress.ToLowerInvariant() };
        PortListPage page = await SendAsync(new IronicCall("GET", IronicRoutes.PortsDetail, null), feature: null,
            (v, ct) => _api.ListPortsAsync(query, v, ct), cancellationToken).ConfigureAwait(false);
        // Ironic keeps addresses unique; a server answering with more, or with another address, is not believed.
        return page.Ports.Count <= 1 && page.Ports.All(p => string.Equals(p.Address, macAddress, StringComparison.OrdinalIgnoreCase))
            ? (page.Ports.Count == 0 ? null : page.Ports[0])
            : throw new Errors.IronicResponseFormatException($"Ironic answered the port of {macAddress} with {page.Ports.Count} " +
                "ports or another address.", null, mayHaveBeenApplied: false);
    }

    /// <inheritdoc />
    public Task<Allocation> CreateAllocationAsync(NewAllocation allocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (string.IsNullOrWhiteSpace(allocation.ResourceClass) || allocation.ResourceClass.Length > 80)
        {
            throw new ArgumentException("An allocation needs a resource class of 1-80 characters.", nameof(allocation));
        }
        foreach (string trait in allocation.Traits ?? []) { ValidateTrait(trait); }
        if (allocation.Name is { } name && !NodeName.TryParse(name, out _))
        {
            throw new ArgumentException("An allocation name follows Ironic's name rules (letters, digits, -._~; not a UUID).",
                nameof(allocation));
        }
        return SendAsync(new IronicCall("POST", IronicRoutes.Allocations, null), IronicFeature.Allocations,
            (v, ct) => _api.CreateAllocationAsync(allocation, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Allocation> GetAllocationAsync(AllocationId allocationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocationId);
        return SendAsync(new IronicCall("GET", IronicRoutes.Allocation, null), IronicFeature.Allocations,
            (v, ct) => _api.GetAllocationAsync(allocationId.ToString(), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Allocation> ListAllocationsAsync(AllocationQuery? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        AllocationQuery filters = query ?? new AllocationQuery();
        Require(await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false), IronicFeature.Allocations, filters.Node);
        int limit = _options.PageSize;
        var call = new IronicCall("GET", IronicRoutes.Allocations, filters.Node);
        await foreach (Allocation allocation in PageAsync<AllocationListPage, Allocation, AllocationId>(call,
            (marker, v, ct) => _api.ListAllocationsAsync(filters.ToQuery(limit, marker), v, ct),
            limit, static page => (page.Allocations, page.Next), static a => a.Uuid, cancellationToken).ConfigureAwait(false))
        {
            yield return allocation;
        }
    }

    /// <inheritdoc />
    public Task DeleteAllocationAsync(AllocationId allocationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocationId);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.Allocation, null), IronicFeature.Allocations,
            (v, ct) => _api.DeleteAllocationAsync(allocationId.ToString(), v, ct), cancellationToken);
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$", RegexOptions.CultureInvariant)]
    private static partial Regex MacAddress();
}
