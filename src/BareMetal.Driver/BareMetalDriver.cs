using BareMetal.Driver.Console;
using BareMetal.Driver.Destroying;
using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Networking;
using BareMetal.Driver.Power;
using BareMetal.Driver.Rebuild;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Rescue;
using BareMetal.Driver.Resources;
using BareMetal.Driver.Spawning;
using BareMetal.Driver.Volumes;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using FluentValidation;
using FluentValidation.Results;

namespace BareMetal.Driver;

/// <summary>The driver's one entry point: validates each request, then hands it to its workflow.</summary>
internal sealed class BareMetalDriver(
    DriverContext context, SpawnWorkflow spawn, DestroyWorkflow destroy, Teardown teardown, VifOperations vifOperations,
    VolumeOperations volumes, PowerOperations power,
    RescueOperations rescue, RebuildWorkflow rebuild, ConsoleOperations consoles, NodePartition partition, IServiceProvider validators)
    : IBareMetalDriver
{
    public Task ReserveAsync(SpawnRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Trace("reserve", request.Instance, request.Node, () => spawn.PrepareAsync(request, cancellationToken));
    }

    public Task<Node> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Trace("spawn", request.Instance, request.Node, () => spawn.SpawnAsync(request, cancellationToken));
    }

    public Task CleanUpFailedSpawnAsync(InstanceId instance, IReadOnlyList<string>? volumeIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace("failed_spawn_cleanup", instance, null, async () =>
        {
            if (await context.FindNodeAsync(instance, cancellationToken).ConfigureAwait(false) is not { } node) { return; }
            using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
            await teardown.FreeAsync(node, instance, [], volumeIds ?? [], context.Options.UndeployTimeout, cancellationToken)
                .ConfigureAwait(false);
        });
    }

    public Task DestroyAsync(DestroyRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Trace("destroy", request.Instance, request.Node, () => destroy.DestroyAsync(request, cancellationToken));
    }

    public Task PlugVifsAsync(InstanceId instance, IReadOnlyList<VifId> vifs, CancellationToken cancellationToken = default) =>
        OnEachVifAsync("plug_vifs", instance, vifs, vifOperations.AttachAsync, cancellationToken);

    public Task UnplugVifsAsync(InstanceId instance, IReadOnlyList<VifId> vifs, CancellationToken cancellationToken = default) =>
        OnEachVifAsync("unplug_vifs", instance, vifs, vifOperations.DetachAsync, cancellationToken);

    public Task AttachInterfaceAsync(InstanceId instance, VifId vif, CancellationToken cancellationToken = default) =>
        OnEachVifAsync("attach_interface", instance, [vif], vifOperations.AttachAsync, cancellationToken);

    public Task DetachInterfaceAsync(InstanceId instance, VifId vif, CancellationToken cancellationToken = default) =>
        OnEachVifAsync("detach_interface", instance, [vif], vifOperations.DetachAsync, cancellationToken);

    private Task<bool> OnEachVifAsync(string operation, InstanceId instance, IReadOnlyList<VifId> list,
        Func<NodeId, VifId, CancellationToken, Task> action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(list);
        if (list.Any(v => v is null) || list.Distinct().Count() != list.Count)
        {
            throw new InvalidDriverRequestException("VIFs must be given once each and not null.", ["Vifs: must be distinct and not null"]);
        }
        return Trace(operation, instance, null, async () =>
        {
            Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
            using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
            foreach (VifId vif in list) { await action(node.Uuid, vif, cancellationToken).ConfigureAwait(false); }
        });
    }

    public Task RebootAsync(InstanceId instance, bool soft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace(soft ? "reboot_soft" : "reboot_hard", instance, null, () => power.RebootAsync(instance, soft, cancellationToken));
    }

    public Task PowerOffAsync(InstanceId instance, TimeSpan? softTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (softTimeout is { } t && (t < TimeSpan.Zero || t > TimeSpan.FromHours(1)))
        {
            throw new InvalidDriverRequestException(
                "The soft power-off timeout must be between 0 and 1 hour.", ["SoftTimeout: must be between 0 and 1 hour"]);
        }
        return Trace("power_off", instance, null, () => power.PowerOffAsync(instance, softTimeout, cancellationToken));
    }

    public Task PowerOnAsync(InstanceId instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace("power_on", instance, null, () => power.PowerOnAsync(instance, cancellationToken));
    }

    public Task RescueAsync(RescueRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Trace("rescue", request.Instance, null, () => rescue.RescueAsync(request, cancellationToken));
    }

    public Task UnrescueAsync(InstanceId instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace("unrescue", instance, null, () => rescue.UnrescueAsync(instance, cancellationToken));
    }

    public Task<Node> RebuildAsync(RebuildRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Trace("rebuild", request.Instance, null, () => rebuild.RebuildAsync(request, cancellationToken));
    }

    private Task<T> Trace<T>(string operation, InstanceId? instance, NodeId? node, Func<Task<T>> run) =>
        DriverDiagnostics.TraceAsync(operation, context.Time, instance, node, run);

    private Task<bool> Trace(string operation, InstanceId? instance, NodeId? node, Func<Task> run) =>
        DriverDiagnostics.TraceAsync(operation, context.Time, instance, node, async () =>
        {
            await run().ConfigureAwait(false);
            return true;
        });

    public Task<SerialConsole> GetSerialConsoleAsync(InstanceId instance, bool reset = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace("serial_console", instance, null, () => consoles.GetSerialConsoleAsync(instance, reset, cancellationToken));
    }

    public Task<ConsoleEndpoint> GetGraphicalConsoleAsync(InstanceId instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace("graphical_console", instance, null, () => consoles.GetGraphicalConsoleAsync(instance, cancellationToken));
    }

    public async Task<InstanceInfo> GetInfoAsync(InstanceId instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        InstancePowerState state = node.PowerState?.Value switch
        {
            "power on" => InstancePowerState.Running,
            "power off" => InstancePowerState.Shutdown,
            _ => InstancePowerState.Unknown,
        };
        return new InstanceInfo(instance, node.Uuid, state, node.ProvisionState?.Value,
            NodeInventory.WholeNumber(node.Properties, "memory_mb"), NodeInventory.WholeNumber(node.Properties, "cpus"));
    }

    public Task TriggerCrashDumpAsync(InstanceId instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Trace("trigger_crash_dump", instance, null, () => power.TriggerCrashDumpAsync(instance, cancellationToken));
    }

    public Task<VolumeConnectorInfo> GetVolumeConnectorAsync(VolumeConnectorRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return Trace("get_volume_connector", request.Instance, null, async () =>
        {
            Node node = await context.RequireNodeAsync(request.Instance, cancellationToken).ConfigureAwait(false);
            return await volumes.GetConnectorAsync(node, request, cancellationToken).ConfigureAwait(false);
        });
    }

    public async Task<bool> NodeExistsAsync(NodeId node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return await context.ReadNodeAsync(node, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<bool> InstanceExistsAsync(InstanceId instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return await context.FindNodeAsync(instance, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<IReadOnlyList<InstanceId>> ListInstancesAsync(CancellationToken cancellationToken = default)
    {
        // Only the instances on nodes this service manages (group, shard, ownership), as Nova's list_instances.
        NodeQuery query = await partition.QueryAsync(["uuid", "instance_uuid"], associated: true, cancellationToken).ConfigureAwait(false);
        var nodes = new List<Node>();
        await foreach (Node node in context.Client.ListNodesAsync(query, cancellationToken).ConfigureAwait(false)) { nodes.Add(node); }
        NodeOwnership ownership = await partition.OwnershipAsync(cancellationToken).ConfigureAwait(false);
        return [.. nodes.Where(n => n.InstanceUuid is not null && ownership.Manages(n)).Select(n => n.InstanceUuid!)];
    }

    private void Validate<T>(T request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = (IValidator<T>)validators.GetService(typeof(IValidator<T>))!;
        ValidationResult result = validator.Validate(request);
        if (!result.IsValid)
        {
            string[] problems = [.. result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")];
            throw new InvalidDriverRequestException($"Invalid {typeof(T).Name}: {string.Join("; ", problems)}", problems);
        }
    }
}
