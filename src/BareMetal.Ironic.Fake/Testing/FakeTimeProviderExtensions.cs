using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Time.Testing;

namespace BareMetal.Ironic.Fake.Testing;

/// <summary>
/// Runs a task that waits on a <see cref="FakeTimeProvider"/> (polls, retry delays, deadlines) to completion without
/// sleeping: the clock moves in small steps while the task is not done.
/// </summary>
public static class FakeTimeProviderExtensions
{
    /// <summary>The step the clock moves by when none is given.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMilliseconds(100);

    /// <summary>How far the clock may move for one task before the wait is given up (a week of fake time).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    // Work in flight (an in-memory request, a continuation) gets turns before each step: bursts of this many, until the
    // thread pool ran nothing but these turns (so all that is left waits on the clock), or at most MaxBursts of them.
    private const int TurnsPerStep = 8;
    private const int MaxBursts = 64;

    /// <summary>
    /// Waits for <paramref name="task"/>, moving the clock forward by <paramref name="step"/> (default 100 ms) whenever
    /// the task is still not done after its pending work had its turns. Timers fire as they fall due, in order.
    /// </summary>
    /// <exception cref="TimeoutException">The task was still not done after <see cref="Horizon"/> of fake time.</exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "Task and Task<T> overloads never compete for a call.")]
    public static async Task RunUntilCompletedAsync(this FakeTimeProvider time, Task task, TimeSpan? step = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(task);
        TimeSpan by = step ?? DefaultStep;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero, nameof(step));
        TimeSpan moved = TimeSpan.Zero;
        while (!await SettledAsync(task).ConfigureAwait(false))
        {
            if (moved >= Horizon)
            {
                throw new TimeoutException($"The task was not done after {Horizon.TotalDays:0} days of fake time.");
            }
            time.Advance(by);
            moved += by;
        }
        await task.ConfigureAwait(false);
    }

    /// <summary>As <see cref="RunUntilCompletedAsync(FakeTimeProvider, Task, TimeSpan?)"/>, returning the task's result.</summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "Task and Task<T> overloads never compete for a call.")]
    public static async Task<T> RunUntilCompletedAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        await RunUntilCompletedAsync(time, (Task)task, step).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    private static async Task<bool> SettledAsync(Task task)
    {
        for (int burst = 0; burst < MaxBursts && !task.IsCompleted; burst++)
        {
            long completed = ThreadPool.CompletedWorkItemCount;
            for (int turn = 0; turn < TurnsPerStep && !task.IsCompleted; turn++)
            {
                await Task.Yield();
            }
            // Nothing but our own turns ran and nothing waits to run: what is left of the task waits on the clock.
            if (ThreadPool.CompletedWorkItemCount - completed <= TurnsPerStep && ThreadPool.PendingWorkItemCount == 0)
            {
                break;
            }
        }
        return task.IsCompleted;
    }
}
