using System.Text.RegularExpressions;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic;

internal sealed partial class IronicClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<VifId>> ListVifsAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var request = new IronicRequest(HttpMethod.Get, "/v1/nodes/{node_id}/vifs", NodePath(nodeId) + "/vifs", nodeId, Body: null);
        VifList list = (await SendAsync(request, IronicFeature.Vifs, IronicJsonContext.Default.VifList, cancellationToken)
            .ConfigureAwait(false))!;
        return [.. list.Vifs.Select(v => v.Id)];
    }

    /// <inheritdoc />
    public Task AttachVifAsync(NodeId nodeId, VifAttachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(attachment);
        IronicFeature feature = attachment.PortUuid is null && attachment.PortgroupUuid is null
            ? IronicFeature.Vifs
            : IronicFeature.VifAttachToPort;
        var request = new IronicRequest(HttpMethod.Post, "/v1/nodes/{node_id}/vifs", NodePath(nodeId) + "/vifs", nodeId,
            Serialize(attachment, IronicJsonContext.Default.VifAttachment));
        return SendAsync(request, feature, cancellationToken);
    }

    /// <inheritdoc />
    public Task DetachVifAsync(NodeId nodeId, VifId vifId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(vifId);
        var request = new IronicRequest(
            HttpMethod.Delete, "/v1/nodes/{node_id}/vifs/{vif_id}", $"{NodePath(nodeId)}/vifs/{vifId}", nodeId, Body: null);
        return SendAsync(request, IronicFeature.Vifs, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetProvisionStateAsync(NodeId nodeId, ProvisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(request);
        ValidateProvisionRequest(request);
        ApiVersionRange versions = await GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
        foreach (IronicFeature feature in FeaturesOf(request))
        {
            Require(versions, feature, nodeId);
        }
        var call = new IronicRequest(HttpMethod.Put, "/v1/nodes/{node_id}/states/provision", NodePath(nodeId) + "/states/provision", nodeId,
            Serialize(request, IronicJsonContext.Default.ProvisionRequest));
        await SendAsync(call, feature: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SetPowerStateAsync(NodeId nodeId, PowerTarget target, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (target.Value is null)
        {
            throw new ArgumentException("Use one of the PowerTarget values.", nameof(target));
        }
        int? seconds = null;
        if (timeout is { } t)
        {
            if (t <= TimeSpan.Zero || t.Ticks % TimeSpan.TicksPerSecond != 0 || t.TotalSeconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(timeout), "Ironic takes a power timeout as a positive whole number of seconds.");
            }
            seconds = (int)t.TotalSeconds;
        }
        var request = new IronicRequest(HttpMethod.Put, "/v1/nodes/{node_id}/states/power", NodePath(nodeId) + "/states/power", nodeId,
            Serialize(new PowerRequest(target, seconds), IronicJsonContext.Default.PowerRequest));
        return SendAsync(request, target.IsSoft || seconds is not null ? IronicFeature.SoftPower : null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<NodeConsole> GetConsoleAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var request = new IronicRequest(
            HttpMethod.Get, "/v1/nodes/{node_id}/states/console", NodePath(nodeId) + "/states/console", nodeId, Body: null);
        return (await SendAsync(request, feature: null, IronicJsonContext.Default.NodeConsole, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task SetConsoleEnabledAsync(NodeId nodeId, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var request = new IronicRequest(HttpMethod.Put, "/v1/nodes/{node_id}/states/console", NodePath(nodeId) + "/states/console", nodeId,
            Serialize(new ConsoleRequest(enabled), IronicJsonContext.Default.ConsoleRequest));
        return SendAsync(request, feature: null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetTraitsAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var request = new IronicRequest(HttpMethod.Get, "/v1/nodes/{node_id}/traits", NodePath(nodeId) + "/traits", nodeId, Body: null);
        TraitList traits = (await SendAsync(request, IronicFeature.Traits, IronicJsonContext.Default.TraitList, cancellationToken)
            .ConfigureAwait(false))!;
        return traits.Traits;
    }

    /// <inheritdoc />
    public Task SetTraitsAsync(NodeId nodeId, IReadOnlyList<string> traits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(traits);
        foreach (string trait in traits)
        {
            ValidateTrait(trait);
        }
        var request = new IronicRequest(HttpMethod.Put, "/v1/nodes/{node_id}/traits", NodePath(nodeId) + "/traits", nodeId,
            Serialize(new TraitList(traits), IronicJsonContext.Default.TraitList));
        return SendAsync(request, IronicFeature.Traits, cancellationToken);
    }

    /// <inheritdoc />
    public Task AddTraitAsync(NodeId nodeId, string trait, CancellationToken cancellationToken = default) =>
        SendTraitAsync(HttpMethod.Put, nodeId, trait, cancellationToken);

    /// <inheritdoc />
    public Task RemoveTraitAsync(NodeId nodeId, string trait, CancellationToken cancellationToken = default) =>
        SendTraitAsync(HttpMethod.Delete, nodeId, trait, cancellationToken);

    /// <inheritdoc />
    public Task InjectNmiAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var request = new IronicRequest(
            HttpMethod.Put, "/v1/nodes/{node_id}/management/inject_nmi", NodePath(nodeId) + "/management/inject_nmi", nodeId,
            "{}"u8.ToArray());
        return SendAsync(request, IronicFeature.InjectNmi, cancellationToken);
    }

    private Task SendTraitAsync(HttpMethod method, NodeId nodeId, string trait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ValidateTrait(trait);
        var request = new IronicRequest(
            method, "/v1/nodes/{node_id}/traits/{trait}", $"{NodePath(nodeId)}/traits/{Uri.EscapeDataString(trait)}", nodeId, Body: null);
        return SendAsync(request, IronicFeature.Traits, cancellationToken);
    }

    private static void ValidateTrait(string trait)
    {
        // os-traits names and CUSTOM_ traits are upper-case letters, digits and underscores, at most 255 characters.
        if (trait is null || !TraitPattern().IsMatch(trait))
        {
            throw new ArgumentException(
                "A trait is 1-255 characters of A-Z, 0-9 and _, such as CUSTOM_RAID or HW_CPU_X86_AVX2.", nameof(trait));
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,254}$")]
    private static partial Regex TraitPattern();

    private static void ValidateProvisionRequest(ProvisionRequest request)
    {
        if (request.Target.Value is null)
        {
            throw new ArgumentException("Use one of the ProvisionTarget values.", nameof(request));
        }
        if (request.ConfigDrive is not null && request.Target != ProvisionTarget.Active && request.Target != ProvisionTarget.Rebuild)
        {
            throw new ArgumentException("A config drive goes only with active or rebuild.", nameof(request));
        }
        if (request.Target == ProvisionTarget.Rescue && string.IsNullOrEmpty(request.RescuePassword?.Reveal()))
        {
            throw new ArgumentException("Rescue needs a non-empty rescue password.", nameof(request));
        }
        if (request.RescuePassword is not null && request.Target != ProvisionTarget.Rescue)
        {
            throw new ArgumentException("A rescue password goes only with rescue.", nameof(request));
        }
    }

    private static IEnumerable<IronicFeature> FeaturesOf(ProvisionRequest request)
    {
        if (request.Target == ProvisionTarget.Rescue || request.Target == ProvisionTarget.Unrescue)
        {
            yield return IronicFeature.Rescue;
        }
        if (request.ConfigDrive is { } drive)
        {
            if (request.Target == ProvisionTarget.Rebuild) { yield return IronicFeature.RebuildConfigDrive; }
            if (!drive.IsImage) { yield return IronicFeature.ConfigDriveJson; }
            if (drive.HasVendorData) { yield return IronicFeature.ConfigDriveVendorData; }
        }
    }
}
