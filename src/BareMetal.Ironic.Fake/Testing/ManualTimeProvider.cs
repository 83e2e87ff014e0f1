using System.Diagnostics.CodeAnalysis;

namespace BareMetal.Ironic.Fake.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> that only moves when a test moves it, so retries, polls and deadlines are tested
/// without sleeping. Timers fire in due order as time is advanced.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _ticks;

    /// <summary>Starts the clock at <paramref name="start"/> (default 2026-01-01T00:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync) { return _now; }
    }

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_sync) { return _ticks; }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>When the earliest pending timer is due, or null when none is pending.</summary>
    public TimeSpan? NextTimerDueIn
    {
        get
        {
            lock (_sync)
            {
                if (_timers.Count == 0)
                {
                    return null;
                }
                long due = _timers.Min(t => t.DueAt) - _ticks;
                return due > 0 ? TimeSpan.FromTicks(due) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        long target;
        lock (_sync) { target = _ticks + by.Ticks; }
        while (true)
        {
            ManualTimer? due;
            lock (_sync)
            {
                due = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = _now.AddTicks(target - _ticks);
                    _ticks = target;
                    return;
                }
                _now = _now.AddTicks(due.DueAt - _ticks);
                _ticks = due.DueAt;
                due.Reschedule(_ticks);
                if (due.DueAt == long.MaxValue) { _timers.Remove(due); }
            }
            due.Fire();
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/>, advancing the clock to the next pending timer whenever the task is not done,
    /// as long as that timer is due within <paramref name="maxJump"/> (default one minute). Longer timers, such as the
    /// deadline of a request in flight, are left alone. Gives up after a bounded number of idle turns.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "Task and Task<T> overloads never compete for a call.")]
    public async Task RunUntilCompletedAsync(Task task, TimeSpan? maxJump = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        TimeSpan limit = maxJump ?? TimeSpan.FromMinutes(1);
        for (int idle = 0; !task.IsCompleted; idle++)
        {
            if (idle > 2_000_000)
            {
                throw new TimeoutException("The task neither completed nor waited on a timer this clock could advance.");
            }
            if (NextTimerDueIn is { } next && next <= limit)
            {
                Advance(next);
                idle = 0;
            }
            await Task.Yield();
        }
        await task.ConfigureAwait(false);
    }

    /// <summary>As <see cref="RunUntilCompletedAsync(Task, TimeSpan?)"/>, returning the task's result.</summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "Task and Task<T> overloads never compete for a call.")]
    public async Task<T> RunUntilCompletedAsync<T>(Task<T> task, TimeSpan? maxJump = null)
    {
        await RunUntilCompletedAsync((Task)task, maxJump).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(ManualTimer timer, bool active)
    {
        lock (_sync)
        {
            _timers.Remove(timer);
            if (active) { _timers.Add(timer); }
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _period;

        public long DueAt { get; private set; } = long.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._sync)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : owner._ticks + Math.Max(0, dueTime.Ticks);
                _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? 0 : period.Ticks;
            }
            owner.Schedule(this, DueAt != long.MaxValue);
            return true;
        }

        // Called under the owner's lock when the timer fires.
        public void Reschedule(long now) => DueAt = _period > 0 ? now + _period : long.MaxValue;

        public void Fire() => callback(state);

        public void Dispose() => owner.Schedule(this, active: false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
