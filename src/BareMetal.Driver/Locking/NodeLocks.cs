using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Locking;

/// <summary>
/// One async lock per node, so that within this process one workflow at a time acts on a node. Entries are
/// reference-counted: a lock exists only while someone holds or waits for it, and a waiter whose wait is cancelled
/// gives its place back. Ironic stays the arbiter between processes; this only avoids needless conflicts.
/// </summary>
internal sealed class NodeLocks
{
    private readonly Dictionary<NodeId, Entry> _entries = [];

    /// <summary>How many nodes have a holder or a waiter right now (0 when idle: nothing is left behind).</summary>
    public int Count
    {
        get { lock (_entries) { return _entries.Count; } }
    }

    /// <summary>Waits for the node's lock; dispose the result to release it.</summary>
    /// <exception cref="OperationCanceledException">The wait was cancelled; the caller holds nothing.</exception>
    public async Task<IDisposable> AcquireAsync(NodeId node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(node, out entry!))
            {
                entry = new Entry();
                _entries.Add(node, entry);
            }
            entry.References++;
        }
        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Forget(node, entry);
            throw;
        }
        return new Holder(this, node, entry);
    }

    private void Forget(NodeId node, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(node);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int References { get; set; }
    }

    private sealed class Holder(NodeLocks owner, NodeId node, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) { return; }
            entry.Gate.Release();
            owner.Forget(node, entry);
        }
    }
}
