using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver;

/// <summary>
/// The compute driver over Ironic. Every request is validated before any call (<see cref="InvalidDriverRequestException"/>,
/// nothing changed); one workflow at a time acts on a node in this process; every wait has a deadline
/// (<see cref="WaitTimedOutException"/>). Operations on an instance throw <see cref="InstanceNotFoundException"/> when no
/// node holds it.
/// </summary>
public interface IBareMetalDriver
{
    /// <summary>
    /// Reserves the node for the instance ahead of the spawn: checks it, then sets instance_uuid and instance_info in
    /// one PATCH.
    /// </summary>
    /// <exception cref="NodeUnavailableException">The node cannot take an instance; nothing changed.</exception>
    /// <exception cref="NodeTakenException">Another instance holds the node; nothing changed.</exception>
    Task ReserveAsync(SpawnRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reserves (if not yet), attaches the VIFs, validates, builds the config drive, deploys and waits for active.</summary>
    /// <returns>The node, active and owned by the instance.</returns>
    /// <exception cref="NodeUnavailableException">The node cannot take an instance; nothing changed.</exception>
    /// <exception cref="NodeTakenException">Another instance holds the node; nothing changed.</exception>
    /// <exception cref="InstanceOperationException">A later step failed; the node was left as found (see
    /// <see cref="InstanceOperationException.CleanupFailure"/>).</exception>
    Task<Node> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frees the node a failed spawn left behind (undeploy, detach VIFs, release), and removes the volume targets of
    /// <paramref name="volumeIds"/> (the instance's block device mappings). Nothing to do when no node holds the instance.
    /// </summary>
    Task CleanUpFailedSpawnAsync(InstanceId instance, IReadOnlyList<string>? volumeIds = null,
        CancellationToken cancellationToken = default);

    /// <summary>Frees the instance's node from any state and waits until it is free of the instance. Idempotent.</summary>
    /// <exception cref="DestroyFailedException">The node still holds the instance afterwards.</exception>
    Task DestroyAsync(DestroyRequest request, CancellationToken cancellationToken = default);

    /// <summary>Attaches VIFs to the instance's node (plug); ones already attached are fine.</summary>
    Task PlugVifsAsync(InstanceId instance, IReadOnlyList<VifId> vifs, CancellationToken cancellationToken = default);

    /// <summary>Detaches VIFs from the instance's node (unplug); ones not attached are fine.</summary>
    Task UnplugVifsAsync(InstanceId instance, IReadOnlyList<VifId> vifs, CancellationToken cancellationToken = default);

    /// <summary>Attaches one interface to a running instance.</summary>
    Task AttachInterfaceAsync(InstanceId instance, VifId vif, CancellationToken cancellationToken = default);

    /// <summary>Detaches one interface from a running instance.</summary>
    Task DetachInterfaceAsync(InstanceId instance, VifId vif, CancellationToken cancellationToken = default);

    /// <summary>Reboots: soft falls back to hard where the node cannot do it. Waits until done.</summary>
    /// <exception cref="PowerActionFailedException">The node is not on afterwards.</exception>
    Task RebootAsync(InstanceId instance, bool soft, CancellationToken cancellationToken = default);

    /// <summary>Powers off: softly within <paramref name="softTimeout"/> when given, then hard. Waits until off.</summary>
    Task PowerOffAsync(InstanceId instance, TimeSpan? softTimeout = null, CancellationToken cancellationToken = default);

    /// <summary>Powers on and waits until on.</summary>
    Task PowerOnAsync(InstanceId instance, CancellationToken cancellationToken = default);

    /// <summary>Boots the rescue ramdisk with the given password and waits for <c>rescue</c>.</summary>
    /// <exception cref="RescueFailedException">Ironic refused or the rescue failed.</exception>
    Task RescueAsync(RescueRequest request, CancellationToken cancellationToken = default);

    /// <summary>Leaves rescue and waits for <c>active</c>.</summary>
    /// <exception cref="RescueFailedException">Ironic refused or the unrescue failed.</exception>
    Task UnrescueAsync(InstanceId instance, CancellationToken cancellationToken = default);

    /// <summary>Redeploys the instance's node with a new image and config drive and waits for <c>active</c>.</summary>
    /// <exception cref="SpawnFailedException">The rebuild failed (the instance keeps its node).</exception>
    Task<Node> RebuildAsync(RebuildRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The serial console endpoint: enabled first when disabled. <paramref name="reset"/> disables and re-enables an
    /// enabled console (dropping anyone connected, logged as a warning); the result says whether that happened.
    /// </summary>
    /// <exception cref="ConsoleUnavailableException">No serial console, or it could not be enabled in time.</exception>
    /// <exception cref="ConsoleUrlRejectedException">Ironic's console URL is not a plain tcp://host:port.</exception>
    Task<Console.SerialConsole> GetSerialConsoleAsync(InstanceId instance, bool reset = false,
        CancellationToken cancellationToken = default);

    /// <summary>The graphical (VNC) console endpoint where Ironic offers one.</summary>
    /// <exception cref="ConsoleUnavailableException">The node offers no graphical console.</exception>
    Task<Console.ConsoleEndpoint> GetGraphicalConsoleAsync(InstanceId instance, CancellationToken cancellationToken = default);

    /// <summary>The instance's power and node.</summary>
    Task<InstanceInfo> GetInfoAsync(InstanceId instance, CancellationToken cancellationToken = default);

    /// <summary>Asks the instance's node for a crash dump: a non-maskable interrupt (Nova's trigger_crash_dump).</summary>
    /// <exception cref="InstanceNotFoundException">No node holds the instance.</exception>
    /// <exception cref="CrashDumpFailedException">The node cannot inject an NMI, or Ironic is older than API 1.29.</exception>
    Task TriggerCrashDumpAsync(InstanceId instance, CancellationToken cancellationToken = default);

    /// <summary>Whether Ironic still has the node (Nova's node_is_available, used to clean up records of deleted nodes).</summary>
    Task<bool> NodeExistsAsync(NodeId node, CancellationToken cancellationToken = default);

    /// <summary>
    /// The connector a volume service needs to export volumes to the instance's node (Nova's <c>get_volume_connector</c>):
    /// the node's initiators from Ironic's volume connectors, its platform, and an IP.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No node holds the instance.</exception>
    Task<VolumeConnectorInfo> GetVolumeConnectorAsync(VolumeConnectorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Whether a node holds the instance.</summary>
    Task<bool> InstanceExistsAsync(InstanceId instance, CancellationToken cancellationToken = default);

    /// <summary>Every instance a node holds.</summary>
    Task<IReadOnlyList<InstanceId>> ListInstancesAsync(CancellationToken cancellationToken = default);
}
