using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Errors;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Waiting;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver.Waiting;

/// <summary>
/// Waits for a node by reading it, by UUID, on the client's poll engine (<see cref="PollLoop"/>, the one its public
/// waiters use) with the driver's pauses: the first read soon after the request, then doubling pauses up to the
/// configured interval, and a deadline. A read that fails for a passing reason (503,
/// locked, no answer) is just another poll; only the deadline ends the wait without an answer.
/// </summary>
internal sealed class NodePoller(IIronicClient client, TimeProvider time, DriverOptions options, ILogger<NodePoller> logger)
{
    /// <summary>
    /// Reads the node until <paramref name="done"/> says so (it sees null once the node is gone) and returns the last
    /// read.
    /// </summary>
    /// <exception cref="WaitTimedOutException">The deadline passed first.</exception>
    public async Task<Node?> WaitAsync(NodeId node, InstanceId? instance, TimeSpan timeout, string what, Func<Node?, bool> done,
        CancellationToken cancellationToken)
    {
        Node? last = null;
        try
        {
            return await UntilAsync(node, instance, timeout, what, async ct =>
            {
                try { return last = await client.GetNodeAsync(node, NodeFields.Driver, ct).ConfigureAwait(false); }
                catch (NodeNotFoundException) { return last = null; }
            }, done, cancellationToken).ConfigureAwait(false);
        }
        catch (WaitTimedOutException)
        {
            throw new WaitTimedOutException(
                $"Gave up waiting for node {node} to {what} after {timeout}; it is {last?.ProvisionState?.Value ?? "unknown"} (target " +
                    $"{last?.TargetProvisionState?.Value ?? "none"}), power {last?.PowerState?.Value ?? "unknown"}.",
                node, instance, last?.LastError);
        }
    }

    /// <summary>
    /// Repeats <paramref name="read"/> until <paramref name="done"/> holds, pausing on the clock between reads; a read
    /// that fails for a passing reason is just another poll.
    /// </summary>
    /// <exception cref="WaitTimedOutException">The deadline passed first.</exception>
    public async Task<T> UntilAsync<T>(NodeId node, InstanceId? instance, TimeSpan timeout, string what,
        Func<CancellationToken, Task<T>> read,
        Func<T, bool> done, CancellationToken cancellationToken)
    {
        (bool reached, T? last) = await PollLoop.UntilAsync(time, options.FirstPollDelay, options.PollInterval, timeout, read, done,
            e => logger.PollReadFailed(node, what, e.GetType().Name), cancellationToken).ConfigureAwait(false);
        return reached ? last! : throw new WaitTimedOutException($"Gave up waiting for node {node} to {what} after {timeout}.", node,
            instance, null);
    }
}
