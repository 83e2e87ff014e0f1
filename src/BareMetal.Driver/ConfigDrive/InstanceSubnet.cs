namespace BareMetal.Driver.ConfigDrive;

/// <summary>A subnet of a VIF: a static address with its routes and DNS servers, or DHCP.</summary>
/// <param name="Cidr">E.g. <c>192.0.2.0/24</c> or <c>2001:db8::/64</c>.</param>
public sealed record InstanceSubnet(string Cidr)
{
    /// <summary>The fixed address; null means DHCP on this subnet.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The default gateway, or null.</summary>
    public string? Gateway { get; init; }

    /// <summary>DNS servers.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];

    /// <summary>Extra routes: destination CIDR and next hop.</summary>
    public IReadOnlyList<(string Destination, string Gateway)> Routes { get; init; } = [];
}
