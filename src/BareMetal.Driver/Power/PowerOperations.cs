using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Errors;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Power;

/// <summary>Reboot, power off and power on, with the exact wire targets and soft-to-hard fallbacks.</summary>
internal sealed class PowerOperations(DriverContext context)
{
    /// <summary>Soft reboot falls back to hard when the node cannot do it (400) or the server is older than 1.27.</summary>
    public async Task RebootAsync(InstanceId instance, bool soft, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        if (soft)
        {
            try
            {
                await ChangeAsync(node.Uuid, instance, PowerTarget.SoftRebooting, PowerState.PowerOn, null,
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BareMetalException e) when (e is IronicBadRequestException or UnsupportedMicroversionException)
            {
                context.Logger.PowerFallback(node.Uuid, "soft reboot", e.GetType().Name);
            }
        }
        await ChangeAsync(node.Uuid, instance, PowerTarget.Rebooting, PowerState.PowerOn, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>With a soft timeout: soft power off, and hard power off if the node is not off in time or cannot do it.</summary>
    public async Task PowerOffAsync(InstanceId instance, TimeSpan? softTimeout, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        if (softTimeout is { } timeout && timeout > TimeSpan.Zero)
        {
            try
            {
                Node? after = await ChangeAsync(node.Uuid, instance, PowerTarget.SoftPowerOff, PowerState.PowerOff, timeout,
                    cancellationToken).ConfigureAwait(false);
                if (after?.PowerState == PowerState.PowerOff) { return; }
            }
            catch (BareMetalException e)
                when (e is IronicBadRequestException or UnsupportedMicroversionException
                    or WaitTimedOutException or PowerActionFailedException)
            {
                context.Logger.PowerFallback(node.Uuid, "soft power off", e.GetType().Name);
            }
        }
        await ChangeAsync(node.Uuid, instance, PowerTarget.PowerOff, PowerState.PowerOff, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task PowerOnAsync(InstanceId instance, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        await ChangeAsync(node.Uuid, instance, PowerTarget.PowerOn, PowerState.PowerOn, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Injects an NMI into the node that holds the instance; a refusal is a crash dump failure, never retried.</summary>
    public async Task TriggerCrashDumpAsync(InstanceId instance, CancellationToken cancellationToken)
    {
        Node node = await context.RequireNodeAsync(instance, cancellationToken).ConfigureAwait(false);
        using IDisposable held = await context.Locks.AcquireAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        try
        {
            await context.Client.InjectNmiAsync(node.Uuid, cancellationToken).ConfigureAwait(false);
        }
        catch (BareMetalException e) when (e is IronicBadRequestException or UnsupportedMicroversionException)
        {
            throw new CrashDumpFailedException(
                $"Node {node.Uuid} of instance {instance} refused the crash dump: {e.Message}", node.Uuid, instance, e);
        }
    }

    /// <summary>
    /// Requests the change, settles an unknown outcome by reading, waits until no power target is set, and checks the
    /// result.
    /// </summary>
    private async Task<Node?> ChangeAsync(NodeId node, InstanceId instance, PowerTarget target, PowerState expected, TimeSpan? softTimeout,
        CancellationToken cancellationToken)
    {
        TimeSpan ironicTimeout = softTimeout is { } t ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(t.TotalSeconds))) : default;
        await context.Writes.SettleAsync(what: $"setting power to {target}", node: node,
            send: ct => context.Client.SetPowerStateAsync(node, target, softTimeout is null ? null : ironicTimeout, ct),
            tookEffect: async ct => await context.ReadNodeAsync(node, ct).ConfigureAwait(false) is { TargetPowerState: not null },
            refusalMayHideSuccess: _ => false, cancellationToken).ConfigureAwait(false);
        TimeSpan deadline = softTimeout is { } soft ? soft + context.Options.FirstPollDelay : context.Options.PowerTimeout;
        Node? after = await context.Poller.WaitAsync(node, instance, deadline, $"finish {target}",
            n => n is null || n.TargetPowerState is null, cancellationToken).ConfigureAwait(false);
        if (after is not null && after.PowerState != expected)
        {
            throw new PowerActionFailedException(
                $"Node {node} is {after.PowerState?.Value ?? "in no power state"} after {target}.", node, instance, after.LastError);
        }
        return after;
    }
}
