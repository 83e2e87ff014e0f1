using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Destroying;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Networking;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Volumes;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;
using IronicConfigDrive = BareMetal.Ironic.Models.ConfigDrive;

namespace BareMetal.Driver.Spawning;

/// <summary>
/// Spawn: check and reserve the node in one PATCH, attach the VIFs, create the volume targets, validate, build the
/// config drive, deploy, wait for active. Any failure after the reservation runs the one cleanup path and raises the original error, typed.
/// </summary>
internal sealed class SpawnWorkflow(DriverContext context, VifOperations vifs, VolumeOperations volumes, Teardown teardown)
{
    public async Task<Node> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        using IDisposable held = await context.Locks.AcquireAsync(request.Node, cancellationToken).ConfigureAwait(false);
        await ReserveAsync(request, cancellationToken).ConfigureAwait(false);
        var attached = new List<VifId>();
        bool settled = false;
        try
        {
            foreach (InstanceVif vif in request.Vifs)
            {
                attached.Add(vif.Vif);
                await vifs.AttachAsync(request.Node, vif.Vif, cancellationToken).ConfigureAwait(false);
            }
            await volumes.CreateTargetsAsync(request, cancellationToken).ConfigureAwait(false);
            await ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            IronicConfigDrive? drive = await BuildConfigDriveAsync(request, cancellationToken).ConfigureAwait(false);
            await DeployAsync(request, drive, cancellationToken).ConfigureAwait(false);
            Node active = await WaitForActiveAsync(request, cancellationToken).ConfigureAwait(false);
            settled = true;
            return active;
        }
        catch (BareMetalException failure)
        {
            settled = true;
            throw await CleanUpAfterAsync(request, attached, failure).ConfigureAwait(false);
        }
        finally
        {
            // Cancellation, or a failure that is not one of the library's own: the node is still left as found.
            if (!settled) { await LeaveAsFoundAsync(request, attached).ConfigureAwait(false); }
        }
    }

    /// <summary>Reserves the node for the instance ahead of the spawn (Nova's prepare_for_spawn), under the node's lock.</summary>
    public async Task PrepareAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        using IDisposable held = await context.Locks.AcquireAsync(request.Node, cancellationToken).ConfigureAwait(false);
        await ReserveAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the node, then sets instance_uuid and instance_info in one PATCH; a node already ours is re-used.</summary>
    private async Task ReserveAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        Node node = await context.Client.GetNodeAsync(request.Node, NodeFields.Driver, cancellationToken).ConfigureAwait(false);
        if (node.InstanceUuid is { } owner && owner != request.Instance)
        {
            throw new NodeTakenException(request.Node, request.Instance, owner);
        }
        if (node.InstanceUuid is null)
        {
            if (WhyUnavailable(node) is { } why)
            {
                throw new NodeUnavailableException(
                    $"Node {request.Node} cannot take instance {request.Instance}: {why}.", request.Node, request.Instance);
            }
        }
        List<JsonPatchOperation> patch = [.. DeployPatch.For(DeployFields.Of(request), node, context.Options.ComputeHost)];
        if (node.InstanceUuid is null) { patch.Insert(0, JsonPatchOperation.Add("/instance_uuid", request.Instance.ToString())); }
        try
        {
            await context.Writes.SettleAsync(what: "reserving", node: request.Node,
                send: async ct => RequireHeld(await context.Client.PatchNodeAsync(request.Node, patch, ct).ConfigureAwait(false), request),
                tookEffect: async ct =>
                    (await context.ReadNodeAsync(request.Node, ct).ConfigureAwait(false))?.InstanceUuid == request.Instance,
                refusalMayHideSuccess: _ => false, cancellationToken).ConfigureAwait(false);
        }
        catch (IronicConflictException e)
            when (e is NodeAssociatedException or InstanceAssociatedException or NodeTransitionInProgressException)
        {
            // Ironic is the arbiter: another instance won the node (its deploy may already run, and Ironic checks the
            // transition before the owner), or this instance already holds another one.
            Node? now = await context.ReadNodeAsync(request.Node, cancellationToken).ConfigureAwait(false);
            if (now?.InstanceUuid == request.Instance) { return; }
            if (now?.InstanceUuid is null && e is NodeTransitionInProgressException)
            {
                string why = $"Node {request.Node} cannot take instance {request.Instance}: it is in a state transition.";
                throw new NodeUnavailableException(why, request.Node, request.Instance);
            }
            throw new NodeTakenException(request.Node, request.Instance, now?.InstanceUuid, e);
        }
    }

    /// <summary>Why a free node cannot take an instance, or null when it can.</summary>
    private static string? WhyUnavailable(Node node)
    {
        if (node.Maintenance)
        {
            return "it is in maintenance";
        }
        if (node.ProvisionState != ProvisionState.Available)
        {
            return $"it is {node.ProvisionState?.Value ?? "in no state"}";
        }
        return node.PowerState is null || node.PowerState == PowerState.Error ? "its power state is unknown" : null;
    }

    /// <summary>The PATCH answer must show the node held by this instance; a server saying otherwise is not believed.</summary>
    private static Node RequireHeld(Node answer, SpawnRequest request)
    {
        bool held = answer.InstanceUuid == request.Instance && answer.Uuid == request.Node;
        return held ? answer : throw new NodeTakenException(request.Node, request.Instance, answer.InstanceUuid);
    }

    private async Task ValidateAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        NodeValidation validation = await context.Client.ValidateNodeAsync(request.Node, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> failed = validation.Failed("deploy", "power", "storage");
        if (failed.Count > 0)
        {
            string reasons = string.Join("; ", failed.Select(name =>
                $"{name}: {(validation.Interfaces.TryGetValue(name, out InterfaceValidation? v) ? v.Reason : "not reported")}"));
            throw new NodeValidationFailedException($"Node {request.Node} failed validation: {reasons}", request.Node, request.Instance);
        }
    }

    private async Task<IronicConfigDrive?> BuildConfigDriveAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        if (request.ConfigDrive is not { } content) { return null; }
        if (content.NetworkData is null && request.Vifs.Count > 0)
        {
            List<Port> ports = [];
            await foreach (Port port in context.Client.ListPortsAsync(request.Node, cancellationToken).ConfigureAwait(false))
            {
                ports.Add(port);
            }
            List<Portgroup> groups = [];
            await foreach (Portgroup group in context.Client.ListPortgroupsAsync(request.Node, cancellationToken).ConfigureAwait(false))
            {
                groups.Add(group);
            }
            content = content with { NetworkData = NetworkDataBuilder.Build(request.Vifs, ports, groups) };
        }
        ApiVersionRange versions = await context.Client.GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
        return context.ConfigDrives.Build(content, versions);
    }

    /// <summary>Requests active; a lost answer, a lock or "already deploying" is settled by reading whether our deploy runs.</summary>
    private Task DeployAsync(SpawnRequest request, IronicConfigDrive? drive, CancellationToken cancellationToken) =>
        context.Writes.SettleAsync(what: "deploying", node: request.Node,
            send: ct => context.Client.SetProvisionStateAsync(
                request.Node, new ProvisionRequest(ProvisionTarget.Active) { ConfigDrive = drive }, ct),
            tookEffect: async ct =>
                await context.ReadNodeAsync(request.Node, ct).ConfigureAwait(false) is { } n && n.InstanceUuid == request.Instance
                && (n.TargetProvisionState == ProvisionState.Active || n.ProvisionState == ProvisionState.Active),
            refusalMayHideSuccess: e => e is InvalidStateTransitionException or NodeLockedException, cancellationToken);

    private async Task<Node> WaitForActiveAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        Node? node = await context.Poller.WaitAsync(request.Node, request.Instance, request.Timeout ?? context.Options.DeployTimeout,
            "become active",
            n => n is null || n.InstanceUuid != request.Instance || n.TargetProvisionState is null
                 || n.ProvisionState == ProvisionState.DeployFailed,
            cancellationToken).ConfigureAwait(false);
        if (node is null || node.InstanceUuid != request.Instance)
        {
            throw new InstanceNotFoundException(request.Instance, request.Node);
        }
        if (node.ProvisionState != ProvisionState.Active)
        {
            throw new SpawnFailedException($"Deploying instance {request.Instance} to node {request.Node} failed: the node is " +
                $"{node.ProvisionState?.Value}.",
                request.Node, request.Instance, node.LastError, null);
        }
        return node;
    }

    /// <summary>Leaves the node as found, then returns the original failure as a spawn failure with Ironic's last_error.</summary>
    private async Task<InstanceOperationException> CleanUpAfterAsync(SpawnRequest request, IReadOnlyList<VifId> attached,
        BareMetalException failure)
    {
        InstanceOperationException error = failure as InstanceOperationException
            ?? new SpawnFailedException($"Spawning instance {request.Instance} on node {request.Node} failed: {failure.Message}",
                request.Node, request.Instance, null, failure);
        (string? lastError, BareMetalException? cleanupFailure) = await LeaveAsFoundAsync(request, attached).ConfigureAwait(false);
        error.LastError ??= lastError;
        error.CleanupFailure = cleanupFailure;
        return error;
    }

    /// <summary>
    /// Undeploys, detaches and releases what this spawn did. The caller's cancellation must not stop it (the node would
    /// be left reserved or deployed), so it runs on its own deadline. Returns Ironic's last_error and any failure.
    /// </summary>
    private async Task<(string? LastError, BareMetalException? Failure)> LeaveAsFoundAsync(
        SpawnRequest request, IReadOnlyList<VifId> attached)
    {
        using var deadline = new CancellationTokenSource(context.Options.UndeployTimeout * 2, context.Time);
        try
        {
            if (await context.ReadNodeAsync(request.Node, deadline.Token).ConfigureAwait(false) is not { } before) { return (null, null); }
            await teardown.FreeAsync(before, request.Instance, attached, [.. request.Volumes.Select(v => v.VolumeId)],
                    context.Options.UndeployTimeout, deadline.Token)
                .ConfigureAwait(false);
            return (before.LastError, null);
        }
        catch (BareMetalException cleanup)
        {
            context.Logger.SpawnCleanupFailed(request.Node, request.Instance, cleanup.GetType().Name);
            return (null, cleanup);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            context.Logger.SpawnCleanupFailed(request.Node, request.Instance, "deadline");
            return (null, null);
        }
    }
}
