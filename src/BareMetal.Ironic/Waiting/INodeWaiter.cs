using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Waiting;

/// <summary>
/// Waits for Ironic to reach a state, by polling on the injected clock with a deadline: the engine the compute driver
/// uses. Registered by <c>AddIronicClient</c>; its pauses are <see cref="IronicClientOptions.FirstPollDelay"/> doubling
/// up to <see cref="IronicClientOptions.PollInterval"/>.
/// </summary>
public interface INodeWaiter
{
    /// <summary>Waits until the node is in <paramref name="state"/> with no transition left.</summary>
    /// <exception cref="IronicWaitTimeoutException">The deadline passed first.</exception>
    /// <exception cref="NodeWaitFailedException">The node ended in a failed state (deploy failed, error …) or is gone.</exception>
    Task<Node> WaitForProvisionStateAsync(NodeId nodeId, ProvisionState state, TimeSpan timeout,
        CancellationToken cancellationToken = default);

    /// <summary>Waits until the node's power is <paramref name="state"/> with no power action left.</summary>
    /// <exception cref="IronicWaitTimeoutException">The deadline passed first.</exception>
    Task<Node> WaitForPowerStateAsync(NodeId nodeId, PowerState state, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Waits until no conductor holds the node's lock (<c>reservation</c> is null).</summary>
    /// <exception cref="IronicWaitTimeoutException">The deadline passed first.</exception>
    Task<Node> WaitForReservationClearedAsync(NodeId nodeId, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Waits until Ironic has picked a node for the allocation.</summary>
    /// <exception cref="AllocationFailedException">Ironic gave up (no node matched).</exception>
    /// <exception cref="IronicWaitTimeoutException">The deadline passed first.</exception>
    Task<Allocation> WaitForAllocationAsync(AllocationId allocationId, TimeSpan timeout, CancellationToken cancellationToken = default);
}
