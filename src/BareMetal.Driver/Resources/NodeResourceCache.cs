using BareMetal.Driver.Errors;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>
/// The node resource cache. Readers read one volatile reference; a refresh builds a new snapshot off to the side
/// and swaps it in with one write. Refreshes never overlap.
/// </summary>
internal sealed class NodeResourceCache(IIronicClient client, NodePartition partition, TimeProvider time) : INodeResourceCache
{
    private readonly NodePartition _partition = partition;
    private readonly object _gate = new();
    private readonly List<Channel<NodeSnapshotChange>> _watchers = [];
    private NodeSnapshot? _snapshot;
    private Task<NodeSnapshot>? _refreshing;
    private Exception? _lastError;

    public NodeSnapshot Current => Volatile.Read(ref _snapshot) ?? throw new ResourceCacheNotReadyException(_lastError);

    public ResourceCacheStatus Status
    {
        get
        {
            NodeSnapshot? snapshot = Volatile.Read(ref _snapshot);
            TimeSpan age = snapshot is null ? TimeSpan.Zero : time.GetUtcNow() - snapshot.TakenAt;
            Exception? error = _lastError;
            return new ResourceCacheStatus(error is not null, age, error);
        }
    }

    public Task<NodeSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        Task<NodeSnapshot> refresh;
        lock (_gate)
        {
            // Concurrent callers share the refresh in flight; it runs to its end for all of them, and a caller that
            // stops waiting only stops its own wait.
            refresh = _refreshing ??= RunRefreshAsync();
        }
        return refresh.WaitAsync(cancellationToken);
    }

    private async Task<NodeSnapshot> RunRefreshAsync()
    {
        // Never complete inside RefreshAsync's lock: the in-flight task must be stored before it can clear itself.
        await Task.Yield();
        try
        {
            NodeSnapshot snapshot = await BuildAsync(CancellationToken.None).ConfigureAwait(false);
            NodeSnapshot? previous = Interlocked.Exchange(ref _snapshot, snapshot);
            _lastError = null;
            Publish(previous, snapshot);
            return snapshot;
        }
        catch (BareMetalException e)
        {
            _lastError = e;
            throw;
        }
        finally
        {
            lock (_gate) { _refreshing = null; }
        }
    }

    private async Task<NodeSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        NodeQuery query = await _partition.QueryAsync(NodeFields.Driver, associated: null, cancellationToken).ConfigureAwait(false);
        var nodes = new List<Node>();
        await foreach (Node node in client.ListNodesAsync(query, cancellationToken).ConfigureAwait(false)) { nodes.Add(node); }

        NodeOwnership ownership = await _partition.OwnershipAsync(cancellationToken).ConfigureAwait(false);
        FrozenSet<NodeId> heldBefore = Volatile.Read(ref _snapshot)?.Held ?? FrozenSet<NodeId>.Empty;

        var resources = new List<NodeResources>(nodes.Count);
        var held = new HashSet<NodeId>();
        foreach (Node node in nodes)
        {
            if (!ownership.Manages(node)) { continue; }
            bool free = node.InstanceUuid is null && NodeInventory.IsAvailable(node);
            bool stillHeld = !free && (node.InstanceUuid is not null || heldBefore.Contains(node.Uuid));
            if (stillHeld) { held.Add(node.Uuid); }
            resources.Add(NodeInventory.Of(node, heldSinceLastFree: stillHeld && node.InstanceUuid is null));
        }
        return new NodeSnapshot(resources, time.GetUtcNow(), held.ToFrozenSet());
    }

    public async Task<IReadOnlyList<NodeResources>> GetAvailableNodesAsync(bool refresh = false,
        CancellationToken cancellationToken = default)
    {
        NodeSnapshot snapshot = refresh || Volatile.Read(ref _snapshot) is null
            ? await RefreshAsync(cancellationToken).ConfigureAwait(false)
            : Current;
        return [.. snapshot.Query(available: true)];
    }

    public async Task<bool> IsNodeAvailableAsync(NodeId node, CancellationToken cancellationToken = default) =>
        (await GetNodeResourcesAsync(node, cancellationToken).ConfigureAwait(false))?.Available == true;

    public async Task<NodeResources?> GetNodeResourcesAsync(NodeId node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        NodeSnapshot snapshot = Volatile.Read(ref _snapshot) ?? await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Find(node);
    }

    public async IAsyncEnumerable<NodeSnapshotChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<NodeSnapshotChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate) { _watchers.Add(channel); }
        try
        {
            await foreach (NodeSnapshotChange change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_gate) { _watchers.Remove(channel); }
        }
    }

    private void Publish(NodeSnapshot? previous, NodeSnapshot current)
    {
        Channel<NodeSnapshotChange>[] watchers;
        lock (_gate) { watchers = [.. _watchers]; }
        if (watchers.Length == 0) { return; }
        NodeResources[] added = [.. current.Nodes.Where(n => previous?.Find(n.Node) is null)];
        NodeId[] removed = [.. (previous?.Nodes ?? []).Where(n => current.Find(n.Node) is null).Select(n => n.Node)];
        NodeResources[] changed = [.. current.Nodes.Where(n => previous?.Find(n.Node) is { } before && !Same(before, n))];
        InstanceStateChange[] instances =
            [.. changed.Select(n => InstanceStateChange.Between(previous!.Find(n.Node)!, n)).OfType<InstanceStateChange>()];
        var change = new NodeSnapshotChange(current, added, removed, changed, instances);
        foreach (Channel<NodeSnapshotChange> watcher in watchers) { watcher.Writer.TryWrite(change); }
    }

    private static bool Same(NodeResources a, NodeResources b) =>
        a with { Traits = b.Traits, Capabilities = b.Capabilities } == b && a.Traits.SequenceEqual(b.Traits)
        && a.Capabilities.Count == b.Capabilities.Count
            && a.Capabilities.All(kv => b.Capabilities.TryGetValue(kv.Key, out string? v) && v == kv.Value);
}
