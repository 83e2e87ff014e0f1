using BareMetal.Driver.Errors;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>The nodes this service manages, refreshed from Ironic, read as immutable snapshots.</summary>
public interface INodeResourceCache
{
    /// <summary>The current snapshot; never locks.</summary>
    /// <exception cref="ResourceCacheNotReadyException">No refresh has succeeded yet.</exception>
    NodeSnapshot Current { get; }

    /// <summary>Whether readers see a stale snapshot, how old it is, and why.</summary>
    ResourceCacheStatus Status { get; }

    /// <summary>
    /// Lists the nodes (only the fields the driver needs, every page with its filters), then reads the owned
    /// instances, partitions, computes resources and swaps the snapshot in. Concurrent callers share one refresh. A
    /// failure keeps the last snapshot (marked stale) and is thrown.
    /// </summary>
    /// <exception cref="PartitioningUnsupportedException">The server is too old for the configured conductor group or shard.</exception>
    Task<NodeSnapshot> RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>The available nodes; refreshes first when asked or when there is no snapshot yet.</summary>
    Task<IReadOnlyList<NodeResources>> GetAvailableNodesAsync(bool refresh = false, CancellationToken cancellationToken = default);

    /// <summary>Whether the node is managed here and available (refreshing when there is no snapshot yet).</summary>
    Task<bool> IsNodeAvailableAsync(NodeId node, CancellationToken cancellationToken = default);

    /// <summary>One node's resources and inventory, or null when it is not managed here.</summary>
    Task<NodeResources?> GetNodeResourcesAsync(NodeId node, CancellationToken cancellationToken = default);

    /// <summary>Every change of snapshot from now on, as added, removed and changed nodes.</summary>
    IAsyncEnumerable<NodeSnapshotChange> WatchAsync(CancellationToken cancellationToken = default);
}
