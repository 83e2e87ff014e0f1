using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>What changed between two snapshots.</summary>
/// <param name="Snapshot">The new snapshot.</param>
/// <param name="Added">Nodes now managed that were not before.</param>
/// <param name="Removed">Nodes no longer managed.</param>
/// <param name="Changed">Nodes whose resources changed (the new values).</param>
/// <param name="InstanceChanges">Instances whose power or provision state changed on the node that still holds them.</param>
public sealed record NodeSnapshotChange(NodeSnapshot Snapshot, IReadOnlyList<NodeResources> Added, IReadOnlyList<NodeId> Removed,
    IReadOnlyList<NodeResources> Changed, IReadOnlyList<InstanceStateChange> InstanceChanges);
