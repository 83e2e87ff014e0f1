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
        if (node?.InstanceUuid != request.Instance)
        {
            // The instance is on no node, or on another one than given: only a node that holds it is touched.
            node = await context.FindNodeAsync(request.Instance, cancellationToken).ConfigureAwait(false);
        }
        if (node is null) { return; }

        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        TimeSpan timeout = request.Timeout ?? context.Options.UndeployTimeout;
        Node? after = await teardown.FreeAsync(node, request.Instance, [], request.VolumeIds, timeout, cancellationToken)
            .ConfigureAwait(false);
        if (after is not null && after.InstanceUuid == request.Instance)
        {
            throw new DestroyFailedException($"Node {node.Uuid} still holds instance {request.Instance} ({after.ProvisionState?.Value}).",
                node.Uuid, request.Instance, after.LastError);
        }
    }
}
