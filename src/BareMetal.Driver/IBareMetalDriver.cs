using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;

namespace BareMetal.Driver;

/// <summary>
/// The compute driver over Ironic. Every request is validated before any call (<see cref="InvalidDriverRequestException"/>,
/// nothing changed); one workflow at a time acts on a node in this process; every wait has a deadline.
/// </summary>
public interface IBareMetalDriver
{
    /// <summary>Reserves the node, attaches the VIFs, validates, builds the config drive, deploys and waits for active.</summary>
    /// <returns>The node, active and owned by the instance.</returns>
    /// <exception cref="NodeUnavailableException">The node cannot take an instance; nothing changed.</exception>
    /// <exception cref="NodeTakenException">Another instance holds the node; nothing changed.</exception>
    /// <exception cref="InstanceOperationException">A later step failed; the node was left as found (see <see cref="InstanceOperationException.CleanupFailure"/>).</exception>
    Task<Node> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken = default);

    /// <summary>Frees the instance's node from any state and waits until it is free. Idempotent.</summary>
    /// <exception cref="DestroyFailedException">The node still holds the instance afterwards.</exception>
    /// <exception cref="WaitTimedOutException">The tear-down did not finish in time.</exception>
    Task DestroyAsync(DestroyRequest request, CancellationToken cancellationToken = default);
}
