using BareMetal.Driver.Errors;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver.Waiting;

/// <summary>
/// Waits for a node by reading it, by UUID, on the injected clock: the first read soon after the request, then
/// doubling pauses up to the configured interval, and a deadline. A read that fails for a passing reason (503,
/// locked, no answer) is just another poll; only the deadline ends the wait without an answer.
/// </summary>
internal sealed partial class NodePoller(IIronicClient client, TimeProvider time, DriverOptions options, ILogger<NodePoller> logger)
{
    /// <summary>Reads the node until <paramref name="done"/> says so (it sees null once the node is gone) and returns the last read.</summary>
    /// <exception cref="WaitTimedOutException">The deadline passed first.</exception>
    public async Task<Node?> WaitAsync(NodeId node, InstanceId? instance, TimeSpan timeout, string what, Func<Node?, bool> done, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        TimeSpan pause = options.FirstPollDelay;
        Node? last = null;
        while (true)
        {
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            bool read = true;
            try
            {
                last = await client.GetNodeAsync(node, NodeFields.Driver, cancellationToken).ConfigureAwait(false);
            }
            catch (NodeNotFoundException)
            {
                last = null;
            }
            catch (BareMetalException e) when (e.IsTransient || e is IronicTransportException)
            {
                read = false;
                LogReadFailed(node, what, e.GetType().Name);
            }
            if (read && done(last)) { return last; }
            if (time.GetElapsedTime(started) >= timeout)
            {
                throw new WaitTimedOutException(
                    $"Gave up waiting for node {node} to {what} after {timeout}; it is {last?.ProvisionState?.Value ?? "unknown"} (target {last?.TargetProvisionState?.Value ?? "none"}), power {last?.PowerState?.Value ?? "unknown"}.",
                    node, instance, last?.LastError);
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, options.PollInterval.Ticks));
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Reading node {Node} while waiting to {What} failed ({Error}); polling on")]
    private partial void LogReadFailed(NodeId node, string what, string error);
}
