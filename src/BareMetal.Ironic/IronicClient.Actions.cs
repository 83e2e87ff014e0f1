using System.Text.RegularExpressions;
using BareMetal.Ironic.Api;
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
        VifList list = await SendAsync(new IronicCall("GET", IronicRoutes.Vifs, nodeId), IronicFeature.Vifs,
            (v, ct) => _api.ListVifsAsync(nodeId.ToString(), v, ct), cancellationToken).ConfigureAwait(false);
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
        return SendAsync(new IronicCall("POST", IronicRoutes.Vifs, nodeId), feature,
            (v, ct) => _api.AttachVifAsync(nodeId.ToString(), attachment, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task DetachVifAsync(NodeId nodeId, VifId vifId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(vifId);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.Vif, nodeId), IronicFeature.Vifs,
            (v, ct) => _api.DetachVifAsync(nodeId.ToString(), vifId.ToString(), v, ct), cancellationToken);
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
        var call = new IronicCall("PUT", IronicRoutes.ProvisionState, nodeId, BodyOf(request, IronicJsonContext.Default.ProvisionRequest));
        await SendAsync(call, feature: null, (v, ct) => _api.SetProvisionStateAsync(nodeId.ToString(), request, v, ct), cancellationToken)
            .ConfigureAwait(false);
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
        var power = new PowerRequest(target, seconds);
        return SendAsync(new IronicCall("PUT", IronicRoutes.PowerState, nodeId),
            target.IsSoft || seconds is not null ? IronicFeature.SoftPower : null,
            (v, ct) => _api.SetPowerStateAsync(nodeId.ToString(), power, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<NodeConsole> GetConsoleAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return await SendAsync(new IronicCall("GET", IronicRoutes.Console, nodeId), feature: null,
            (v, ct) => _api.GetConsoleAsync(nodeId.ToString(), v, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SetConsoleEnabledAsync(NodeId nodeId, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return SendAsync(new IronicCall("PUT", IronicRoutes.Console, nodeId), feature: null,
            (v, ct) => _api.SetConsoleAsync(nodeId.ToString(), new ConsoleRequest(enabled), v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetTraitsAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        TraitList traits = await SendAsync(new IronicCall("GET", IronicRoutes.Traits, nodeId), IronicFeature.Traits,
            (v, ct) => _api.GetTraitsAsync(nodeId.ToString(), v, ct), cancellationToken).ConfigureAwait(false);
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
        var list = new TraitList(traits);
        return SendAsync(new IronicCall("PUT", IronicRoutes.Traits, nodeId), IronicFeature.Traits,
            (v, ct) => _api.SetTraitsAsync(nodeId.ToString(), list, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task AddTraitAsync(NodeId nodeId, string trait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ValidateTrait(trait);
        return SendAsync(new IronicCall("PUT", IronicRoutes.Trait, nodeId), IronicFeature.Traits,
            (v, ct) => _api.AddTraitAsync(nodeId.ToString(), trait, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveTraitAsync(NodeId nodeId, string trait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ValidateTrait(trait);
        return SendAsync(new IronicCall("DELETE", IronicRoutes.Trait, nodeId), IronicFeature.Traits,
            (v, ct) => _api.RemoveTraitAsync(nodeId.ToString(), trait, v, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task InjectNmiAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        return SendAsync(new IronicCall("PUT", IronicRoutes.InjectNmi, nodeId), IronicFeature.InjectNmi,
            (v, ct) => _api.InjectNmiAsync(nodeId.ToString(), EmptyBody.Instance, v, ct), cancellationToken);
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
