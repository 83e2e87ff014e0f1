namespace BareMetal.Contract.Tests.Targets;

/// <summary>
/// Polls a real server until a condition holds or a deadline passes. Only the contract suite uses real time: a real
/// Ironic's conductor moves nodes on its own clock.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        T last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}; last seen: {last}");
            }
            await Task.Delay(Interval);
            last = await read();
        }
        return last;
    }
}
