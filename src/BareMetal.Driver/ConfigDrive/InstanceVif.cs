using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>One network interface of the instance, as the network service describes it.</summary>
/// <param name="Vif">The VIF (Neutron port) id.</param>
/// <param name="NetworkId">The network it is on.</param>
/// <param name="Subnets">Its subnets.</param>
public sealed record InstanceVif(VifId Vif, string NetworkId, IReadOnlyList<InstanceSubnet> Subnets)
{
    /// <summary>The MTU, or null (Nova writes null for DHCP-only links).</summary>
    public int? Mtu { get; init; }

    /// <summary>A VLAN the guest must tag itself (Nova's <c>vlan</c> link over the physical one), or null.</summary>
    public int? VlanId { get; init; }
}
