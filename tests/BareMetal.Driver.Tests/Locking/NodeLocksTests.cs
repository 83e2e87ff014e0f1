using BareMetal.Driver.Locking;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Locking;

public sealed class NodeLocksTests
{
    private static readonly NodeId A = NodeId.FromGuid(Guid.NewGuid()), B = NodeId.FromGuid(Guid.NewGuid());

    [Fact]
    public async Task One_holder_per_node_others_wait_and_different_nodes_do_not_block_each_other()
    {
        var locks = new NodeLocks();
        IDisposable first = await locks.AcquireAsync(A);
        Task<IDisposable> second = locks.AcquireAsync(A);
        IDisposable other = await locks.AcquireAsync(B);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        other.Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_its_place_back_and_leaves_nothing_behind()
    {
        var locks = new NodeLocks();
        IDisposable holder = await locks.AcquireAsync(A);
        using var cancel = new CancellationTokenSource();
        Task<IDisposable> waiter = locks.AcquireAsync(A, cancel.Token);
        Task<IDisposable> next = locks.AcquireAsync(A);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        holder.Dispose();
        (await next).Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Releasing_twice_is_harmless_and_many_concurrent_users_leave_an_empty_table()
    {
        var locks = new NodeLocks();
        IDisposable held = await locks.AcquireAsync(A);
        held.Dispose();
        held.Dispose();

        int inside = 0, maxInside = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using IDisposable _ = await locks.AcquireAsync(i % 2 == 0 ? A : B);
            int now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }));
        Assert.InRange(maxInside, 1, 2);
        Assert.Equal(0, locks.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
