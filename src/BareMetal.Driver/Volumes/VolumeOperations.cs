using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Diagnostics;
using BareMetal.Driver.Requests;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Volumes;

/// <summary>
/// An instance's Cinder volumes as Ironic volume targets: created before the deploy (boot index order, so the boot
/// volume is first), found again by their volume ids, and removed once the node is powered off.
/// </summary>
internal sealed class VolumeOperations(DriverContext context)
{
    /// <summary>Creates a target per volume; a create whose answer was lost is settled by listing the node's targets.</summary>
    public async Task CreateTargetsAsync(SpawnRequest request, CancellationToken cancellationToken)
    {
        foreach (InstanceVolume volume in request.Volumes.OrderBy(v => v.BootIndex))
        {
            var target = new NewVolumeTarget(request.Node, volume.VolumeType, volume.BootIndex, volume.VolumeId, volume.Properties);
            await context.Writes.SettleAsync(what: $"creating the volume target of {volume.VolumeId}", node: request.Node,
                send: ct => context.Client.CreateVolumeTargetAsync(target, ct),
                tookEffect: async ct => (await TargetsAsync(request.Node, ct).ConfigureAwait(false))
                    .Any(t => t.VolumeId == volume.VolumeId && t.BootIndex == volume.BootIndex),
                refusalMayHideSuccess: e => e is IronicConflictException, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The targets of <paramref name="node"/> for <paramref name="volumeIds"/>, read while the node still holds the
    /// instance. No call at all for an instance without volumes.
    /// </summary>
    public async Task<IReadOnlyList<VolumeTargetId>> OwnTargetsAsync(NodeId node, IReadOnlyCollection<string> volumeIds,
        CancellationToken cancellationToken)
    {
        if (volumeIds.Count == 0) { return []; }
        return [.. (await TargetsAsync(node, cancellationToken).ConfigureAwait(false))
            .Where(t => volumeIds.Contains(t.VolumeId ?? "")).Select(t => t.Uuid)];
    }

    /// <summary>Removes targets of a powered-off node; one already gone is fine, one that cannot go is logged, as Nova does.</summary>
    public async Task RemoveTargetsAsync(NodeId node, IReadOnlyList<VolumeTargetId> targets, CancellationToken cancellationToken)
    {
        foreach (VolumeTargetId target in targets)
        {
            try
            {
                await context.Client.DeleteVolumeTargetAsync(target, cancellationToken).ConfigureAwait(false);
            }
            catch (IronicNotFoundException)
            {
                // Already removed: what was wanted.
            }
            catch (BareMetalException e) when (e is not IronicTransportException { MayHaveBeenApplied: false })
            {
                context.Logger.VolumeTargetLeft(target, node, e.GetType().Name);
            }
        }
    }

    /// <summary>Whether the node boots the instance from a volume: its instance_info holds no image (one read of that field).</summary>
    public async Task<bool> BootsFromVolumeAsync(NodeId node, CancellationToken cancellationToken)
    {
        Node read = await context.Client.GetNodeAsync(node, ["uuid", "instance_info"], cancellationToken).ConfigureAwait(false);
        return read.InstanceInfo is { Count: > 0 } info && !info.ContainsKey("image_source");
    }

    public async Task<List<VolumeTarget>> TargetsAsync(NodeId node, CancellationToken cancellationToken)
    {
        List<VolumeTarget> targets = [];
        await foreach (VolumeTarget target in context.Client.ListVolumeTargetsAsync(node, cancellationToken).ConfigureAwait(false))
        {
            targets.Add(target);
        }
        return targets;
    }

    /// <summary>The connector of the instance's node (Nova's <c>get_volume_connector</c>).</summary>
    public async Task<VolumeConnectorInfo> GetConnectorAsync(Node node, VolumeConnectorRequest request, CancellationToken cancellationToken)
    {
        var byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (VolumeConnector connector in context.Client.ListVolumeConnectorsAsync(node.Uuid, cancellationToken)
            .ConfigureAwait(false))
        {
            if (connector.Type is { } type && connector.ConnectorId is { } id)
            {
                (byType.TryGetValue(type, out List<string>? ids) ? ids : byType[type] = []).Add(id);
            }
        }
        string? ip = byType.TryGetValue("ip", out List<string>? ips) ? ips[0] : await IpBehindMacAsync(node.Uuid, byType, request,
            cancellationToken).ConfigureAwait(false);
        string? platform = node.Properties is { } p && p.TryGetValue("cpu_arch", out JsonElement arch)
            && arch.ValueKind == JsonValueKind.String ? arch.GetString() : null;
        return new VolumeConnectorInfo(ip, ip ?? request.Hostname, byType.GetValueOrDefault("iqn")?[0],
            byType.GetValueOrDefault("wwpn") ?? [], byType.GetValueOrDefault("wwnn") ?? [], platform);
    }

    /// <summary>The fixed IP of the VIF on a <c>mac</c> connector's port, else of any VIF; IPv4 first.</summary>
    private async Task<string?> IpBehindMacAsync(NodeId node, Dictionary<string, List<string>> byType, VolumeConnectorRequest request,
        CancellationToken cancellationToken)
    {
        IEnumerable<InstanceVif> candidates = request.Vifs;
        if (byType.TryGetValue("mac", out List<string>? macs))
        {
            var vifIds = new HashSet<string>(StringComparer.Ordinal);
            await foreach (Port port in context.Client.ListPortsAsync(node, cancellationToken).ConfigureAwait(false))
            {
                if (port.Address is { } address && macs.Contains(address, StringComparer.OrdinalIgnoreCase) && VifOf(port) is { } vif)
                {
                    vifIds.Add(vif);
                }
            }
            if (vifIds.Count > 0) { candidates = request.Vifs.Where(v => vifIds.Contains(v.Vif.ToString())); }
        }
        List<IPAddress> addresses = [.. candidates.SelectMany(v => v.Subnets).Select(s => s.IpAddress)
            .Select(a => IPAddress.TryParse(a, out IPAddress? parsed) ? parsed : null).OfType<IPAddress>()];
        return (addresses.Find(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault())?.ToString();
    }

    private static string? VifOf(Port port) =>
        (port.InternalInfo?.GetValueOrDefault("tenant_vif_port_id") ?? port.Extra?.GetValueOrDefault("vif_port_id")) is
            { ValueKind: JsonValueKind.String } vif ? vif.GetString() : null;
}
