using BareMetal.Driver.Errors;
using BareMetal.Ironic;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Driver.Resources;

/// <summary>
/// Which nodes this compute service manages: its conductor group and shard (filters Ironic applies) and, without a
/// shard, its share of Nova's hash ring over itself and its peers. A node holding an instance is managed where the
/// instance is owned (<see cref="IOwnedInstances"/>), as in Nova. The resource cache and the instance listing use it.
/// </summary>
internal sealed class NodePartition(IIronicClient client, ResourceCacheOptions options, IOwnedInstances? ownedInstances)
{
    private readonly HashRing? _ring = options.Peers.Count == 0 || options.Shard is not null
        ? null
        : new HashRing([options.Host, .. options.Peers]);

    private readonly string _host = options.Host.ToLowerInvariant();

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

    /// <summary>The instances this service owns, read after the nodes were listed (never before); null when any is.</summary>
    public async Task<IReadOnlySet<InstanceId>?> OwnedAsync(CancellationToken cancellationToken) =>
        ownedInstances is null ? null : await ownedInstances.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Whether this service manages <paramref name="node"/>, given the instances it owns.</summary>
    public bool Manages(Node node, IReadOnlySet<InstanceId>? owned) => node.InstanceUuid is { } instance
        ? owned is null || owned.Contains(instance)
        : _ring is null || _ring.OwnerOf(node.Uuid.ToString()) == _host;
}
