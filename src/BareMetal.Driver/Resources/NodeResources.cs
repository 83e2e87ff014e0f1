using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>What the scheduler sees of one node: its inventory (one unit of its resource class), traits and facts.</summary>
/// <param name="Node">The node.</param>
/// <param name="ResourceClass">Placement's class, e.g. <c>CUSTOM_BAREMETAL_GOLD</c>; null when the node has none (it cannot be
/// scheduled).</param>
/// <param name="Reserved">Whether the one unit is reserved: unavailable, occupied, or not yet seen free after holding an instance.</param>
/// <param name="Available">Whether the node can take an instance now.</param>
/// <param name="Instance">The instance it holds, if any.</param>
/// <param name="Traits">The node's traits.</param>
/// <param name="CpuArch">The canonical CPU architecture, or null when missing or unknown.</param>
/// <param name="Capabilities">Well-formed <c>key:value</c> pairs of <c>properties.capabilities</c>.</param>
/// <param name="ProvisionState">The provision state as Ironic reported it.</param>
/// <param name="PowerState">The power state as Ironic reported it.</param>
public sealed record NodeResources(
    NodeId Node, string? ResourceClass, bool Reserved, bool Available, InstanceId? Instance, IReadOnlyList<string> Traits, string? CpuArch,
    IReadOnlyDictionary<string, string> Capabilities, string? ProvisionState, string? PowerState)
{
    /// <summary>The placement inventory: exactly one unit of the resource class, or none without a class.</summary>
    public int Total => ResourceClass is null ? 0 : 1;

    /// <summary>
    /// The provider inventory Nova reports for the node (no VCPU, MEMORY_MB or DISK_GB), or null without a resource
    /// class.
    /// </summary>
    public ProviderInventory? Inventory =>
        ResourceClass is null ? null : new ProviderInventory(ResourceClass, Total: 1, Reserved: Reserved ? 1 : 0);
}
