using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>
/// An instance's power or provision state changed between two refreshes while its node kept holding it: what a
/// compute service reports upward (Nova's power_update_event for power; instance task state for provision).
/// </summary>
/// <param name="Instance">The instance.</param>
/// <param name="Node">Its node.</param>
/// <param name="PowerBefore">The power state at the previous refresh.</param>
/// <param name="PowerAfter">The power state now.</param>
/// <param name="ProvisionBefore">The provision state at the previous refresh.</param>
/// <param name="ProvisionAfter">The provision state now.</param>
public sealed record InstanceStateChange(
    InstanceId Instance, NodeId Node, string? PowerBefore, string? PowerAfter, string? ProvisionBefore, string? ProvisionAfter)
{
    /// <summary>Whether the power state changed.</summary>
    public bool PowerChanged => PowerBefore != PowerAfter;

    /// <summary>Whether the provision state changed.</summary>
    public bool ProvisionChanged => ProvisionBefore != ProvisionAfter;

    /// <summary>The change between two views of one node, or null when it is not one instance's state that changed.</summary>
    internal static InstanceStateChange? Between(NodeResources before, NodeResources after) =>
        after.Instance is { } instance && before.Instance == instance
        && (before.PowerState != after.PowerState || before.ProvisionState != after.ProvisionState)
            ? new InstanceStateChange(
                instance, after.Node, before.PowerState, after.PowerState, before.ProvisionState, after.ProvisionState)
            : null;
}
