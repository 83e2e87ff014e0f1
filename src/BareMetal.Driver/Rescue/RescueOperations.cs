using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Rescue;

/// <summary>Rescue and unrescue: one provision request each, settled by reading, and a wait with a deadline.</summary>
internal sealed class RescueOperations(DriverContext context)
{
    public async Task RescueAsync(RescueRequest request, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(request.Instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        await RunAsync(node.Uuid, request.Instance, new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = request.Password },
            ProvisionState.Rescue, ProvisionState.RescueFailed, "rescue", cancellationToken).ConfigureAwait(false);
    }

    public async Task UnrescueAsync(InstanceId instance, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        await RunAsync(node.Uuid, instance, new ProvisionRequest(ProvisionTarget.Unrescue), ProvisionState.Active,
            ProvisionState.UnrescueFailed,
            "unrescue", cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(NodeId node, InstanceId instance, ProvisionRequest request, ProvisionState goal, ProvisionState failed,
        string what,
        CancellationToken cancellationToken)
    {
        try
        {
            await context.Writes.SettleAsync(what: what, node: node,
                send: ct => context.Client.SetProvisionStateAsync(node, request, ct),
                tookEffect: async ct => await context.ReadNodeAsync(node, ct).ConfigureAwait(false) is { } n
                    && (n.TargetProvisionState == goal || n.ProvisionState == goal),
                refusalMayHideSuccess: e => e is InvalidStateTransitionException or NodeLockedException,
                cancellationToken).ConfigureAwait(false);
        }
        catch (IronicApiException e)
        {
            throw new RescueFailedException($"Ironic refused to {what} node {node}: {e.IronicMessage}", node, instance, null, e);
        }
        Node? after = await context.Poller.WaitAsync(node, instance, context.Options.RescueTimeout, what,
            n => n is null || n.InstanceUuid != instance || n.TargetProvisionState is null, cancellationToken).ConfigureAwait(false);
        if (after is null || after.InstanceUuid != instance)
        {
            throw new InstanceNotFoundException(instance, node);
        }
        if (after.ProvisionState != goal)
        {
            throw new RescueFailedException($"Node {node} is {after.ProvisionState?.Value} after " +
                $"{what}{(after.ProvisionState == failed ? "" : " (unexpected)")}.",
                node, instance, after.LastError);
        }
    }
}
