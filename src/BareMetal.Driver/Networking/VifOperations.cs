using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Networking;

/// <summary>Attaching and detaching VIFs, each settled by listing the node's VIFs when the answer is in doubt.</summary>
internal sealed class VifOperations(DriverContext context)
{
    /// <summary>Attaches the VIF; one already attached to this node is success.</summary>
    public Task AttachAsync(NodeId node, VifId vif, CancellationToken cancellationToken) =>
        context.Writes.SettleAsync(what: $"attaching VIF {vif}", node: node,
            send: ct => context.Client.AttachVifAsync(node, new VifAttachment(vif), ct),
            tookEffect: async ct => (await context.Client.ListVifsAsync(node, ct).ConfigureAwait(false)).Contains(vif),
            refusalMayHideSuccess: e => e is VifAlreadyAttachedException, cancellationToken);

    /// <summary>Detaches the VIF; one no longer attached (Ironic's tear-down detaches VIFs itself) is success.</summary>
    public async Task DetachAsync(NodeId node, VifId vif, CancellationToken cancellationToken)
    {
        try
        {
            await context.Writes.SettleAsync(what: $"detaching VIF {vif}", node: node,
                send: ct => context.Client.DetachVifAsync(node, vif, ct),
                tookEffect: async ct => !(await context.Client.ListVifsAsync(node, ct).ConfigureAwait(false)).Contains(vif),
                refusalMayHideSuccess: e => e is VifNotAttachedException, cancellationToken).ConfigureAwait(false);
        }
        catch (VifNotAttachedException)
        {
            // Not attached is the state asked for.
        }
    }
}
