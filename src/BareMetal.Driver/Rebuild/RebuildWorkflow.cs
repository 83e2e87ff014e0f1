using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Spawning;
using BareMetal.Driver.Volumes;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Versioning;
using IronicConfigDrive = BareMetal.Ironic.Models.ConfigDrive;

namespace BareMetal.Driver.Rebuild;

/// <summary>
/// Rebuild: the whole deploy patch again (new image), a fresh config drive, <c>rebuild</c>, wait for active. The
/// instance keeps its node; one that boots from a volume is refused before anything is written.
/// </summary>
internal sealed class RebuildWorkflow(DriverContext context, VolumeOperations volumes)
{
    public async Task<Node> RebuildAsync(RebuildRequest request, CancellationToken cancellationToken)
    {
        if (request.ReimageBootVolume)
        {
            throw new VolumeRebuildUnsupportedException($"Instance {request.Instance} cannot have its boot volume reimaged: Ironic " +
                "rebuilds only images it wrote.", null, request.Instance);
        }
        Node node = await context.RequireNodeAsync(request.Instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        if (await volumes.BootsFromVolumeAsync(node.Uuid, cancellationToken).ConfigureAwait(false))
        {
            throw new VolumeRebuildUnsupportedException($"Instance {request.Instance} boots node {node.Uuid} from a volume, which " +
                "Ironic cannot rebuild.", node.Uuid, request.Instance);
        }
        // The whole deploy patch again, as Nova master sends it: image, flavor, capabilities, traits, owner data.
        JsonPatchOperation[] patch = [.. DeployPatch.For(DeployFields.Of(request), node, context.Options.ComputeHost)];
        await context.Writes.SettleAsync(what: "writing the new image", node: node.Uuid,
            send: ct => context.Client.PatchNodeAsync(node.Uuid, patch, ct),
            tookEffect: async ct =>
                (await context.Client.GetNodeAsync(node.Uuid, null, ct).ConfigureAwait(false)).InstanceInfo is { } info
                && info.TryGetValue("image_source", out var image) && image.GetString() == request.ImageSource,
            refusalMayHideSuccess: _ => false, cancellationToken).ConfigureAwait(false);
        IronicConfigDrive? drive = null;
        if (request.ConfigDrive is { } content)
        {
            ApiVersionRange versions = await context.Client.GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
            drive = context.ConfigDrives.Build(content, versions);
        }
        await context.Writes.SettleAsync(what: "rebuilding", node: node.Uuid,
            send: ct => context.Client.SetProvisionStateAsync(
                node.Uuid, new ProvisionRequest(ProvisionTarget.Rebuild) { ConfigDrive = drive }, ct),
            tookEffect: async ct => await context.ReadNodeAsync(node.Uuid, ct).ConfigureAwait(false) is { } n
                && n.TargetProvisionState == ProvisionState.Active,
            refusalMayHideSuccess: e => e is NodeLockedException, cancellationToken).ConfigureAwait(false);
        Node? after = await context.Poller.WaitAsync(node.Uuid, request.Instance, request.Timeout ?? context.Options.DeployTimeout,
            "finish the rebuild",
            n => n is null || n.TargetProvisionState is null, cancellationToken).ConfigureAwait(false);
        if (after is null || after.InstanceUuid != request.Instance)
        {
            throw new InstanceNotFoundException(request.Instance, node.Uuid);
        }
        if (after.ProvisionState != ProvisionState.Active)
        {
            throw new SpawnFailedException($"Rebuilding instance {request.Instance} on node {node.Uuid} failed: the node is " +
                $"{after.ProvisionState?.Value}.",
                node.Uuid, request.Instance, after.LastError, null);
        }
        return after;
    }
}
