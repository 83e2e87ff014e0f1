using System.Collections.Frozen;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>An immutable view of the nodes this service manages, as of one refresh. Cheap to read from any thread.</summary>
public sealed class NodeSnapshot
{
    private readonly FrozenDictionary<NodeId, NodeResources> _byId;

    internal NodeSnapshot(IReadOnlyList<NodeResources> nodes, DateTimeOffset takenAt, FrozenSet<NodeId> held)
    {
        Nodes = nodes;
        TakenAt = takenAt;
        Held = held;
        _byId = nodes.ToFrozenDictionary(n => n.Node);
    }

    /// <summary>The managed nodes, in Ironic's order.</summary>
    public IReadOnlyList<NodeResources> Nodes { get; }

    /// <summary>When the listing this snapshot comes from finished.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>Nodes that held an instance and have not been seen free since (kept reserved: the cleaning race).</summary>
    internal FrozenSet<NodeId> Held { get; }

    /// <summary>The node's resources, or null when this service does not manage it.</summary>
    public NodeResources? Find(NodeId node) => _byId.GetValueOrDefault(node);

    /// <summary>Nodes matching every criterion given: resource class (either form), all the traits, availability.</summary>
    public IEnumerable<NodeResources> Query(string? resourceClass = null, IReadOnlyCollection<string>? traits = null,
        bool? available = null)
    {
        string? wanted = resourceClass is null || resourceClass.StartsWith("CUSTOM_", StringComparison.Ordinal)
            ? resourceClass
            : NodeInventory.NormalizeResourceClass(resourceClass);
        return Nodes.Where(n => (wanted is null || n.ResourceClass == wanted)
            && (available is null || n.Available == available)
            && (traits is null || traits.All(t => n.Traits.Contains(t))));
    }
}
