using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;

namespace BareMetal.Driver.Destroying;

/// <summary>
/// Destroy: find the instance's node, free it from whatever state it is in, and succeed when the node ends free
/// of the instance. Idempotent: an instance no node holds, or a node that is gone, is already destroyed.
/// </summary>
internal sealed class DestroyWorkflow(DriverContext context, Teardown teardown)
{
    public async Task DestroyAsync(DestroyRequest request, CancellationToken cancellationToken)
    {
        Node? node = request.Node is { } given ? await context.ReadNodeAsync(given, cancellationToken).ConfigureAwait(false) : null;
        if (node is null || (node.InstanceUuid is { } owner && owner != request.Instance))
        {
            node = await context.FindNodeAsync(request.Instance, cancellationToken).ConfigureAwait(false) ?? node;
        }
        if (node is null || (node.InstanceUuid is not null && node.InstanceUuid != request.Instance)) { return; }

        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        Node? after = await teardown.FreeAsync(node.Uuid, request.Instance, [], request.Timeout ?? context.Options.UndeployTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (after is not null && after.InstanceUuid == request.Instance)
        {
            throw new DestroyFailedException($"Node {node.Uuid} still holds instance {request.Instance} ({after.ProvisionState?.Value}).",
                node.Uuid, request.Instance, after.LastError);
        }
    }
}
