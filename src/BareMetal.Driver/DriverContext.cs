using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Locking;
using BareMetal.Driver.Settling;
using BareMetal.Driver.Waiting;
using BareMetal.Ironic;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver;

/// <summary>What every workflow shares: the client, the clock, the waits, the node locks and the rule for settling writes.</summary>
internal sealed class DriverContext(
    IIronicClient client, NodePoller poller, NodeLocks locks, IConfigDriveBuilder configDrives, DriverOptions options, TimeProvider time,
    ILogger<DriverContext> logger)
{
    public IIronicClient Client { get; } = client;
    public NodePoller Poller { get; } = poller;
    public NodeLocks Locks { get; } = locks;
    public IConfigDriveBuilder ConfigDrives { get; } = configDrives;
    public DriverOptions Options { get; } = options;
    public ILogger Logger { get; } = logger;
    public TimeProvider Time { get; } = time;

    /// <summary>The rule for writes whose outcome a status code cannot decide.</summary>
    public WriteSettler Writes { get; } = new(options, time, logger);

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
