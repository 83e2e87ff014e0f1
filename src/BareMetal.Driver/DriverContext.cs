using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Locking;
using BareMetal.Driver.Waiting;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver;

/// <summary>What every workflow shares: the client, the clock, the waits, the node locks and the rule for settling writes.</summary>
internal sealed class DriverContext(
    IIronicClient client, NodePoller poller, NodeLocks locks, IConfigDriveBuilder configDrives, DriverOptions options, TimeProvider time, ILogger<DriverContext> logger)
{
    /// <summary>How often a write whose outcome is unknown is tried again after re-reading showed it did not happen.</summary>
    private const int MaxWriteAttempts = 5;

    public IIronicClient Client { get; } = client;
    public NodePoller Poller { get; } = poller;
    public NodeLocks Locks { get; } = locks;
    public IConfigDriveBuilder ConfigDrives { get; } = configDrives;
    public DriverOptions Options { get; } = options;
    public ILogger Logger { get; } = logger;
    public TimeProvider Time { get; } = time;

    /// <summary>
    /// Sends a write; when its outcome is unknown (no answer, or an answer that a repeated write would give) or it was
    /// refused for a passing reason, re-reads to decide: <paramref name="done"/> true means it took effect. Otherwise
    /// it is sent again, a bounded number of times. A status code alone never decides.
    /// </summary>
    public async Task SettleWriteAsync(string what, NodeId node, Func<CancellationToken, Task> write, Func<CancellationToken, Task<bool>> done,
        Func<BareMetalException, bool> ambiguous, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await write(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BareMetalException e) when (attempt < MaxWriteAttempts && (e is IronicTransportException || e.IsTransient || ambiguous(e)))
            {
                Logger.WriteUnsettled(what, node, e.GetType().Name, attempt);
                if (await ReadSafelyAsync(done, cancellationToken).ConfigureAwait(false)) { return; }
                await Task.Delay(Options.FirstPollDelay * attempt, Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A decision read that itself may fail for a passing reason: then the answer is "not known to be done".</summary>
    private static async Task<bool> ReadSafelyAsync(Func<CancellationToken, Task<bool>> done, CancellationToken cancellationToken)
    {
        try { return await done(cancellationToken).ConfigureAwait(false); }
        catch (BareMetalException e) when (e.IsTransient || e is IronicTransportException) { return false; }
    }

    /// <summary>The node as the driver reads it, or null when it no longer exists.</summary>
    public async Task<Node?> ReadNodeAsync(NodeId node, CancellationToken cancellationToken)
    {
        try { return await Client.GetNodeAsync(node, NodeFields.Driver, cancellationToken).ConfigureAwait(false); }
        catch (NodeNotFoundException) { return null; }
    }

    /// <summary>
    /// The node holding the instance, or null. Whatever the server returns for the filter, only a node that itself says
    /// it holds the instance is taken: a listing that ignores <c>instance_uuid</c> never makes the driver act on a node
    /// of another instance.
    /// </summary>
    public async Task<Node?> FindNodeAsync(InstanceId instance, CancellationToken cancellationToken)
    {
        var query = new NodeQuery { InstanceUuid = instance, Fields = NodeFields.Driver };
        await foreach (Node node in Client.ListNodesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (node.InstanceUuid == instance) { return node; }
            Logger.ForeignNodeIgnored(node.Uuid, instance);
        }
        return null;
    }

    /// <summary>The node holding the instance.</summary>
    /// <exception cref="Errors.InstanceNotFoundException">No node holds it.</exception>
    public async Task<Node> RequireNodeAsync(InstanceId instance, CancellationToken cancellationToken) =>
        await FindNodeAsync(instance, cancellationToken).ConfigureAwait(false) ?? throw new Errors.InstanceNotFoundException(instance);
}
