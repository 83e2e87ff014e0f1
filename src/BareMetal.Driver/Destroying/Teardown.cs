using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Networking;
using BareMetal.Driver.Volumes;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Destroying;

/// <summary>
/// Frees a node an instance holds, from whatever state it is in: undeploy what was deployed and wait for Ironic to
/// finish, detach the VIFs, and only then remove instance_info and instance_uuid, so a deployed machine is never
/// left without an owner. Used by destroy and by every failed spawn.
/// </summary>
internal sealed class Teardown(DriverContext context, VifOperations vifs, VolumeOperations volumes)
{
    /// <summary>States a tear-down may be requested from (Ironic's <c>deleted</c> event).</summary>
    private static readonly HashSet<string> Undeployable =
    [
        "active", "wait call-back", "deploy failed", "error", "rescue", "rescue wait", "rescue failed", "unrescue failed",
        "service wait", "service failed",   // Ironic 2024.1 and later
    ];

    /// <summary>States Ironic is leaving on its own: wait them out before asking anything.</summary>
    private static readonly HashSet<string> Passing =
        ["deploying", "rebuild", "rescuing", "unrescuing", "deleting", "deleted", "verifying", "inspecting", "adopting", "servicing"];

    /// <summary>
    /// States in which the node holds no deployment, so a tear-down only releases it: where it ends, and where an
    /// instance can only be left by a reservation (inspection, adoption and cleaning start from manageable).
    /// </summary>
    private static readonly HashSet<string> Free =
    [
        "available", "cleaning", "clean wait", "clean failed", "clean hold", "manageable", "enroll",
        "inspect wait", "inspect failed", "adopt failed",
    ];

    /// <summary>The first step of a tear-down from <paramref name="state"/>; null (below API 1.2) is available.</summary>
    internal static TeardownStep FirstStep(string? state) => state switch
    {
        null => TeardownStep.Release,
        "deploy hold" => TeardownStep.AbortThenUndeploy,
        _ when Free.Contains(state) => TeardownStep.Release,
        _ when Passing.Contains(state) => TeardownStep.WaitOut,
        _ when Undeployable.Contains(state) => TeardownStep.Undeploy,
        _ => TeardownStep.TryUndeploy,
    };

    /// <summary>
    /// Frees <paramref name="node"/> (as just read) of <paramref name="instance"/>, and removes the volume targets of
    /// <paramref name="volumeIds"/>; returns the node as left, or null when it is gone.
    /// </summary>
    public async Task<Node?> FreeAsync(Node node, InstanceId instance, IReadOnlyList<VifId> vifsToDetach,
        IReadOnlyCollection<string> volumeIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        NodeId nodeId = node.Uuid;
        if (node.InstanceUuid is not null && node.InstanceUuid != instance) { return node; }
        // Read while the node is still ours; removed once it is powered off (Ironic refuses before).
        IReadOnlyList<VolumeTargetId> targets = await volumes.OwnTargetsAsync(nodeId, volumeIds, cancellationToken).ConfigureAwait(false);

        Node? current = node;
        if (FirstStep(node.ProvisionState?.Value) != TeardownStep.Release)
        {
            current = await UndeployAsync(node, instance, timeout, cancellationToken).ConfigureAwait(false);
            if (current is null) { return null; }
            if (targets.Count > 0)
            {
                // Cleaning holds the node's lock: the targets can go once it has ended (and only if the node still exists).
                current = await context.Poller.WaitAsync(nodeId, instance, timeout, "finish cleaning",
                    n => n is null || n.ProvisionState?.Value is not ("cleaning" or "clean wait"), cancellationToken).ConfigureAwait(false);
                if (current is null) { return null; }
                await volumes.RemoveTargetsAsync(nodeId, targets, cancellationToken).ConfigureAwait(false);
            }
            // Ironic's tear-down detached the VIFs and cleared instance_uuid and instance_info itself.
            if (current.InstanceUuid is null) { return current; }
        }
        else
        {
            await volumes.RemoveTargetsAsync(nodeId, targets, cancellationToken).ConfigureAwait(false);
        }
        foreach (VifId vif in vifsToDetach.Union(await AttachedVifsAsync(nodeId, cancellationToken).ConfigureAwait(false)))
        {
            await vifs.DetachAsync(nodeId, vif, cancellationToken).ConfigureAwait(false);
        }
        if (current.InstanceUuid != instance) { return current; }
        await context.Writes.SettleAsync(what: "releasing the node", node: nodeId,
            send: ct => context.Client.PatchNodeAsync(
                nodeId, [JsonPatchOperation.Remove("/instance_info"), JsonPatchOperation.Remove("/instance_uuid")], ct),
            tookEffect: async ct => (await context.ReadNodeAsync(nodeId, ct).ConfigureAwait(false))?.InstanceUuid is null,
            refusalMayHideSuccess: e => e is NodeTransitionInProgressException, cancellationToken).ConfigureAwait(false);
        return current with { InstanceUuid = null };
    }

    /// <summary>The VIFs Ironic lists; none when its answer is malformed, so that at least the ones we know are detached.</summary>
    private async Task<IReadOnlyList<VifId>> AttachedVifsAsync(NodeId nodeId, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Client.ListVifsAsync(nodeId, cancellationToken).ConfigureAwait(false);
        }
        catch (IronicResponseFormatException e) when (!e.Truncated)
        {
            context.Logger.VifListUnreadable(nodeId, e.Message);
            return [];
        }
    }

    private async Task<Node?> UndeployAsync(Node node, InstanceId instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        NodeId nodeId = node.Uuid;
        TeardownStep step = FirstStep(node.ProvisionState?.Value);
        if (step is TeardownStep.WaitOut or TeardownStep.AbortThenUndeploy)
        {
            if (step == TeardownStep.AbortThenUndeploy)
            {
                // Only abort moves a held deploy (to deploy failed); deleted is refused from there.
                await context.Writes.SettleAsync(what: "aborting the held deploy", node: nodeId,
                    send: ct => context.Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Abort), ct),
                    tookEffect: async ct =>
                        (await context.ReadNodeAsync(nodeId, ct).ConfigureAwait(false))?.ProvisionState != ProvisionState.DeployHold,
                    refusalMayHideSuccess: e => e is InvalidStateTransitionException, cancellationToken).ConfigureAwait(false);
            }
            Node? settled = await context.Poller.WaitAsync(nodeId, instance, timeout, "finish its current transition",
                n => n is null
                    || (n.TargetProvisionState is null && !Passing.Contains(n.ProvisionState?.Value ?? ""))
                    || Free.Contains(n.ProvisionState?.Value ?? ""),
                cancellationToken).ConfigureAwait(false);
            if (settled is null || Free.Contains(settled.ProvisionState?.Value ?? "")) { return settled; }
            node = settled;
            step = FirstStep(node.ProvisionState?.Value);
        }
        if (step is TeardownStep.Undeploy or TeardownStep.TryUndeploy)
        {
            bool unknownState = step == TeardownStep.TryUndeploy;
            await RequestUndeployAsync(node, instance, unknownState, cancellationToken).ConfigureAwait(false);
        }
        Node? after = await context.Poller.WaitAsync(nodeId, instance, timeout, "be free",
            n => n is null || (Free.Contains(n.ProvisionState?.Value ?? "") && n.TargetProvisionState is null)
                || n.ProvisionState == ProvisionState.CleanWait
                 || n.ProvisionState == ProvisionState.Cleaning || n.ProvisionState == ProvisionState.Error,
            cancellationToken).ConfigureAwait(false);
        if (after?.ProvisionState == ProvisionState.Error)
        {
            throw new DestroyFailedException($"Tearing down node {nodeId} failed: it is in error.", nodeId, instance, after.LastError);
        }
        return after;
    }

    /// <summary>
    /// Requests <c>deleted</c>; a lost answer, a lock or a refusal is settled by reading. From a state this library does
    /// not know, a refusal that outlives the settling fails closed: the node is left as it is, still owned.
    /// </summary>
    private async Task RequestUndeployAsync(Node node, InstanceId instance, bool unknownState, CancellationToken cancellationToken)
    {
        NodeId nodeId = node.Uuid;
        try
        {
            await context.Writes.SettleAsync(what: "undeploying", node: nodeId,
                send: ct => context.Client.SetProvisionStateAsync(nodeId, new ProvisionRequest(ProvisionTarget.Deleted), ct),
                tookEffect: async ct => await context.ReadNodeAsync(nodeId, ct).ConfigureAwait(false) is not { } n || IsTearingDown(n),
                refusalMayHideSuccess: e => e is InvalidStateTransitionException or NodeLockedException,
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidStateTransitionException refused) when (unknownState)
        {
            throw new DestroyFailedException(
                $"Node {nodeId} is in state '{node.ProvisionState?.Value}', which this library does not know, and Ironic refused "
                + "to tear it down; it is left as it is.", nodeId, instance, node.LastError, refused);
        }
    }

    private static bool IsTearingDown(Node node) =>
        node.ProvisionState?.Value is "deleting" or "cleaning" or "clean wait" or "available" or "clean failed"
        || node.TargetProvisionState == ProvisionState.Available;
}
