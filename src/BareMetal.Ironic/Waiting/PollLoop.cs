using BareMetal.Ironic.Errors;

namespace BareMetal.Ironic.Waiting;

/// <summary>
/// The one poll engine of the client's waiters and the driver: the first read soon after the request, then doubling
/// pauses up to an interval, on the injected clock, until a deadline. A read that fails for a passing reason (503,
/// locked, no answer) is just another poll.
/// </summary>
internal static class PollLoop
{
    /// <summary>Reads until <paramref name="done"/> holds; the last read and whether it was reached before the deadline.</summary>
    public static async Task<(bool Reached, T? Last)> UntilAsync<T>(TimeProvider time, TimeSpan firstDelay, TimeSpan interval,
        TimeSpan timeout, Func<CancellationToken, Task<T>> read, Func<T, bool> done, Action<BareMetalException> readFailed,
        CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        TimeSpan pause = firstDelay;
        T? last = default;
        while (true)
        {
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            try
            {
                last = await read(cancellationToken).ConfigureAwait(false);
                if (done(last)) { return (true, last); }
            }
            catch (BareMetalException e) when (e.IsTransient || e is IronicTransportException)
            {
                readFailed(e);
            }
            if (time.GetElapsedTime(started) >= timeout) { return (false, last); }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, interval.Ticks));
        }
    }
}
