using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>Who manages which node, as known at one refresh: the ring of the live services and the instances owned here.</summary>
internal sealed class NodeOwnership(HashRing? ring, string host, IReadOnlySet<InstanceId>? owned)
{
    /// <summary>Whether this service manages <paramref name="node"/>: its instance is owned here, or, free, the ring says so.</summary>
    public bool Manages(Node node) => node.InstanceUuid is { } instance
        ? owned is null || owned.Contains(instance)
        : ring is null || ring.OwnerOf(node.Uuid.ToString()) == host;
}
