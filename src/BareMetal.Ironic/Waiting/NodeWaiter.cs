using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BareMetal.Ironic.Waiting;

/// <summary>The <see cref="INodeWaiter"/> over the client and <see cref="PollLoop"/>.</summary>
internal sealed class NodeWaiter(IIronicClient client, IOptions<IronicClientOptions> options, TimeProvider time, ILogger<NodeWaiter> logger)
    : INodeWaiter
{
    private static readonly string[] Fields =
    [
        "uuid", "provision_state", "target_provision_state", "power_state", "target_power_state", "last_error", "reservation",
        "maintenance",
    ];

    /// <summary>States a node rests in after a transition failed: waiting on is pointless.</summary>
    private static readonly HashSet<string> Failed =
        ["deploy failed", "clean failed", "error", "rescue failed", "unrescue failed", "inspect failed", "adopt failed", "service failed"];

    private readonly IronicClientOptions _options = options.Value;

    public async Task<Node> WaitForProvisionStateAsync(NodeId nodeId, ProvisionState state, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        Node node = await WaitForNodeAsync(nodeId, $"become {state.Value}", timeout,
            n => n.TargetProvisionState is null && (n.ProvisionState == state || Failed.Contains(n.ProvisionState?.Value ?? "")),
            cancellationToken).ConfigureAwait(false);
        return node.ProvisionState == state ? node : throw new NodeWaitFailedException(
            $"Node {nodeId} ended in '{node.ProvisionState?.Value}' instead of '{state.Value}'.", nodeId, node.LastError);
    }

    public Task<Node> WaitForPowerStateAsync(NodeId nodeId, PowerState state, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return WaitForNodeAsync(nodeId, $"be {state.Value}", timeout, n => n.TargetPowerState is null && n.PowerState == state,
            cancellationToken);
    }

    public Task<Node> WaitForReservationClearedAsync(NodeId nodeId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return WaitForNodeAsync(nodeId, "be unlocked", timeout, n => n.Reservation is null, cancellationToken);
    }

    public async Task<Allocation> WaitForAllocationAsync(AllocationId allocationId, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocationId);
        RequireTimeout(timeout);
        (bool reached, Allocation? last) = await PollLoop.UntilAsync(time, _options.FirstPollDelay, _options.PollInterval, timeout,
            ct => client.GetAllocationAsync(allocationId, ct), a => a.IsActive || a.IsFailed,
            e => logger.WaitReadFailed(allocationId.ToString(), e.GetType().Name), cancellationToken).ConfigureAwait(false);
        if (!reached)
        {
            throw new IronicWaitTimeoutException($"Allocation {allocationId} was still {last?.State ?? "unread"} after {timeout}.", null);
        }
        return last!.IsActive ? last : throw new AllocationFailedException(allocationId, last.LastError);
    }

    private async Task<Node> WaitForNodeAsync(NodeId nodeId, string what, TimeSpan timeout, Func<Node, bool> done,
        CancellationToken cancellationToken)
    {
        RequireTimeout(timeout);
        (bool reached, Node? last) = await PollLoop.UntilAsync<Node?>(time, _options.FirstPollDelay, _options.PollInterval, timeout,
            async ct =>
            {
                try { return await client.GetNodeAsync(nodeId, Fields, ct).ConfigureAwait(false); }
                catch (NodeNotFoundException) { return null; }
            },
            n => n is null || done(n), e => logger.WaitReadFailed(nodeId.ToString(), e.GetType().Name), cancellationToken)
            .ConfigureAwait(false);
        if (!reached)
        {
            throw new IronicWaitTimeoutException($"Gave up waiting for node {nodeId} to {what} after {timeout}; it is " +
                $"{last?.ProvisionState?.Value ?? "unknown"} (target {last?.TargetProvisionState?.Value ?? "none"}), power " +
                $"{last?.PowerState?.Value ?? "unknown"}.", nodeId);
        }
        return last ?? throw new NodeWaitFailedException($"Node {nodeId} is gone.", nodeId, null);
    }

    private static void RequireTimeout(TimeSpan timeout) =>
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(timeout));
}
