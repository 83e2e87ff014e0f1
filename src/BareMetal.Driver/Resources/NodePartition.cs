using BareMetal.Driver.Errors;
using BareMetal.Ironic;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Driver.Resources;

/// <summary>
/// Which nodes this compute service manages: its conductor group and shard (filters Ironic applies) and, without a
/// shard, its share of Nova's hash ring over the live services. A node holding an instance is managed where the
/// instance is owned (<see cref="IOwnedInstances"/>), as in Nova. The resource cache and the instance listing use it.
/// </summary>
internal sealed class NodePartition(
    IIronicClient client, ResourceCacheOptions options, IOwnedInstances? ownedInstances, IComputeMembership? membership)
{
    private readonly string _host = options.Host.ToLowerInvariant();
    private readonly Lock _gate = new();
    private HashRing? _ring;

    /// <summary>The listing of the nodes to consider, with the group and shard filters; refused when Ironic cannot filter.</summary>
    /// <exception cref="PartitioningUnsupportedException">The server is too old for the configured conductor group or shard.</exception>
    public async Task<NodeQuery> QueryAsync(IReadOnlyList<string> fields, bool? associated, CancellationToken cancellationToken)
    {
        ApiVersionRange versions = await client.GetApiVersionsAsync(cancellationToken).ConfigureAwait(false);
        if (options.ConductorGroup is not null && !versions.Supports(IronicFeature.ConductorGroup))
        {
            throw new PartitioningUnsupportedException(
                $"Conductor groups need Ironic API 1.46; the server negotiated {versions.Negotiated}. Refusing to manage every node.");
        }
        if (options.Shard is not null && !versions.Supports(IronicFeature.Shards))
        {
            throw new PartitioningUnsupportedException(
                $"Shards need Ironic API 1.82; the server negotiated {versions.Negotiated}. Refusing to manage every node.");
        }
        return new NodeQuery
        {
            Fields = fields, Associated = associated, ConductorGroup = options.ConductorGroup,
            Shards = options.Shard is null ? null : [options.Shard],
        };
    }

    /// <summary>
    /// Who manages what now. Read after the nodes were listed, never before: an instance created during a slow listing
    /// must not make its node look foreign.
    /// </summary>
    public async Task<NodeOwnership> OwnershipAsync(CancellationToken cancellationToken)
    {
        HashRing? ring = options.Shard is null ? await RingAsync(cancellationToken).ConfigureAwait(false) : null;
        IReadOnlySet<InstanceId>? owned = ownedInstances is null
            ? null
            : await ownedInstances.GetAsync(cancellationToken).ConfigureAwait(false);
        return new NodeOwnership(ring, _host, owned);
    }

    /// <summary>The ring of the live services, this one always among them; rebuilt only when the members change.</summary>
    private async Task<HashRing?> RingAsync(CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> live = membership is null
            ? [options.Host, .. options.Peers]
            : await membership.GetLiveHostsAsync(cancellationToken).ConfigureAwait(false);
        string[] members = [.. live.Append(options.Host).Select(h => h.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
        if (members.Length == 1) { return null; }
        lock (_gate)
        {
            if (_ring is null || !_ring.Hosts.SequenceEqual(members)) { _ring = new HashRing(members); }
            return _ring;
        }
    }
}
