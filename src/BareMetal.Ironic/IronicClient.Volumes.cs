using System.Runtime.CompilerServices;
using BareMetal.Ironic.Api;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic;

internal sealed partial class IronicClient
{
    /// <summary>Ironic's volume types a target may name (Cinder's driver_volume_type values Ironic boots from).</summary>
    private static readonly HashSet<string> VolumeTypes = ["iscsi", "fibre_channel", "rbd", "nvmeof"];

    /// <summary>Ironic's volume connector types.</summary>
    private static readonly HashSet<string> ConnectorTypes = ["iqn", "ip", "mac", "wwnn", "wwpn", "port", "portgroup"];

    /// <inheritdoc />
    public IAsyncEnumerable<VolumeTarget> ListVolumeTargetsAsync(NodeId nodeId, CancellationToken cancellationToken = default) =>
        ListOfNodeAsync<VolumeTargetListPage, VolumeTarget, VolumeTargetId>(nodeId, IronicRoutes.VolumeTargets, _api.ListVolumeTargetsAsync,
            static page => (page.Targets, page.Next), static t => t.Uuid, cancellationToken);

    /// <inheritdoc />
    public Task<VolumeTarget> CreateVolumeTargetAsync(NewVolumeTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(target.NodeUuid);
        if (!VolumeTypes.Contains(target.VolumeType))
        {
            throw new ArgumentException($"A volume type is one of {string.Join(", ", VolumeTypes)}.", nameof(target));
        }
        if (target.BootIndex < 0 || string.IsNullOrWhiteSpace(target.VolumeId) || target.VolumeId.Length > 36)
        {
            throw new ArgumentException("A volume target needs a boot index of 0 or more and a volume id of 1-36 characters.",
                nameof(target));
        }
        return SendAsync(new IronicCall("POST", IronicRoutes.VolumeTargets, target.NodeUuid), IronicFeature.Volumes,
            (v, ct) => _api.CreateVolumeTargetAsync(target, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteVolumeTargetAsync(VolumeTargetId targetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetId);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.VolumeTarget, null), IronicFeature.Volumes,
            (v, ct) => _api.DeleteVolumeTargetAsync(targetId.ToString(), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<VolumeConnector> ListVolumeConnectorsAsync(NodeId nodeId, CancellationToken cancellationToken = default) =>
        ListOfNodeAsync<VolumeConnectorListPage, VolumeConnector, VolumeConnectorId>(nodeId, IronicRoutes.VolumeConnectors,
            _api.ListVolumeConnectorsAsync, static page => (page.Connectors, page.Next), static c => c.Uuid, cancellationToken);

    /// <inheritdoc />
    public Task<VolumeConnector> CreateVolumeConnectorAsync(NewVolumeConnector connector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(connector.NodeUuid);
        if (!ConnectorTypes.Contains(connector.Type) || string.IsNullOrWhiteSpace(connector.ConnectorId))
        {
            throw new ArgumentException($"A volume connector is one of {string.Join(", ", ConnectorTypes)} with a non-empty id.",
                nameof(connector));
        }
        return SendAsync(new IronicCall("POST", IronicRoutes.VolumeConnectors, connector.NodeUuid), IronicFeature.Volumes,
            (v, ct) => _api.CreateVolumeConnectorAsync(connector, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteVolumeConnectorAsync(VolumeConnectorId connectorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectorId);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.VolumeConnector, null), IronicFeature.Volumes,
            (v, ct) => _api.DeleteVolumeConnectorAsync(connectorId.ToString(), v, ct), cancellationToken);
    }

    /// <summary>A node's volume objects (1.32), in detail, page by page.</summary>
    private async IAsyncEnumerable<TItem> ListOfNodeAsync<TPage, TItem, TId>(NodeId nodeId, string route,
        Func<IDictionary<string, string>, string, CancellationToken, Task<TPage>> fetch,
        Func<TPage, (IReadOnlyList<TItem> Items, string? Next)> read, Func<TItem, TId> idOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TId : UuidIdentifier
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        Require(await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false), IronicFeature.Volumes, nodeId);
        int limit = _options.PageSize;
        await foreach (TItem item in PageAsync<TPage, TItem, TId>(new IronicCall("GET", route, nodeId),
            (marker, v, ct) => fetch(DetailedChildListQuery(nodeId, limit, marker), v, ct), limit, read, idOf, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static Dictionary<string, string> DetailedChildListQuery(NodeId nodeId, int limit, UuidIdentifier? marker)
    {
        Dictionary<string, string> query = ChildListQuery(nodeId, limit, marker);
        query["detail"] = "True";
        return query;
    }
}
