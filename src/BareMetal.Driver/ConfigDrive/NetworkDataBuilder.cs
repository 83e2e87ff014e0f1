using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>
/// Builds <c>network_data.json</c> as Nova's Ironic driver does: the VIFs' links and networks, merged with the node's
/// Ironic ports and portgroups. A VIF on a portgroup becomes a <c>bond</c> link with the portgroup's mode, MAC and
/// <c>bond_*</c> properties, and one <c>phy</c> link per member port; a VIF on a port is a <c>phy</c> link with the
/// port's MAC; a VLAN VIF adds a <c>vlan</c> link on top.
/// </summary>
internal static class NetworkDataBuilder
{
    /// <summary>The network_data document.</summary>
    /// <exception cref="ArgumentException">A subnet that is not a valid CIDR or address.</exception>
    public static JsonElement Build(IReadOnlyList<InstanceVif> vifs, IReadOnlyList<Port> ports, IReadOnlyList<Portgroup> portgroups)
    {
        ArgumentNullException.ThrowIfNull(vifs);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(portgroups);
        var members = new List<Port>();
        var dns = new List<string>();
        byte[] json = NovaLayout.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("links");
            var linkIds = new Dictionary<VifId, string>();
            foreach (InstanceVif vif in vifs)
            {
                string id = "tap" + vif.Vif.ToString()[..11];
                linkIds[vif.Vif] = vif.VlanId is { } vlan ? $"{id}-vlan{vlan}" : id;
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("vif_id", vif.Vif.ToString());
                Portgroup? group = portgroups.FirstOrDefault(g => HoldsVif(g.InternalInfo, g.Extra, vif.Vif));
                Port? port = group is null ? ports.FirstOrDefault(p => HoldsVif(p.InternalInfo, p.Extra, vif.Vif)) : null;
                w.WriteString("type", group is null ? "phy" : "bond");
                if (vif.Mtu is { } mtu)
                {
                    w.WriteNumber("mtu", mtu);
                }
                else
                {
                    w.WriteNull("mtu");
                }
                if (group is not null)
                {
                    List<Port> bonded = [.. ports.Where(p => p.PortgroupUuid == group.Uuid)];
                    w.WriteString("ethernet_mac_address", group.Address ?? bonded.FirstOrDefault()?.Address);
                    w.WriteString("bond_mode", group.Mode);
                    w.WriteStartArray("bond_links");
                    foreach (Port member in bonded) { w.WriteStringValue(member.Uuid.ToString()); }
                    w.WriteEndArray();
                    foreach ((string key, JsonElement value) in group.Properties ?? new Dictionary<string, JsonElement>())
                    {
                        w.WritePropertyName(key.StartsWith("bond", StringComparison.Ordinal) ? key : "bond_" + key);
                        value.WriteTo(w);
                    }
                    members.AddRange(bonded.Where(b => !members.Any(m => m.Uuid == b.Uuid)));
                }
                else
                {
                    w.WriteString("ethernet_mac_address", port?.Address);
                }
                w.WriteEndObject();
                if (vif.VlanId is { } vlanId)
                {
                    w.WriteStartObject();
                    w.WriteString("id", linkIds[vif.Vif]);
                    w.WriteString("vif_id", vif.Vif.ToString());
                    w.WriteString("type", "vlan");
                    if (vif.Mtu is { } vlanMtu)
                    {
                        w.WriteNumber("mtu", vlanMtu);
                    }
                    else
                    {
                        w.WriteNull("mtu");
                    }
                    w.WriteString("vlan_link", id);
                    w.WriteNumber("vlan_id", vlanId);
                    w.WriteString("vlan_mac_address", group?.Address ?? port?.Address);
                    w.WriteEndObject();
                }
            }
            foreach (Port member in members)
            {
                w.WriteStartObject();
                w.WriteString("id", member.Uuid.ToString());
                w.WriteString("type", "phy");
                w.WriteString("ethernet_mac_address", member.Address);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("networks");
            int n = 0;
            foreach (InstanceVif vif in vifs)
            {
                foreach (InstanceSubnet subnet in vif.Subnets)
                {
                    WriteNetwork(w, $"network{n++}", linkIds[vif.Vif], vif.NetworkId, subnet);
                    dns.AddRange(subnet.IpAddress is null ? [] : subnet.DnsServers.Where(d => !dns.Contains(d)));
                }
            }
            w.WriteEndArray();
            w.WriteStartArray("services");
            foreach (string server in dns) { WriteDns(w, server); }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static bool HoldsVif(
        IReadOnlyDictionary<string, JsonElement>? internalInfo, IReadOnlyDictionary<string, JsonElement>? extra, VifId vif) =>
        Names(internalInfo, "tenant_vif_port_id", vif) || Names(extra, "vif_port_id", vif);

    private static bool Names(IReadOnlyDictionary<string, JsonElement>? map, string key, VifId vif) =>
        map is not null && map.TryGetValue(key, out JsonElement value) && value.ValueKind == JsonValueKind.String
            && value.GetString() == vif.ToString();

    private static void WriteNetwork(Utf8JsonWriter w, string id, string link, string networkId, InstanceSubnet subnet)
    {
        (IPAddress prefix, int bits) = ParseCidr(subnet.Cidr);
        bool v6 = prefix.AddressFamily == AddressFamily.InterNetworkV6;
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("type", (v6 ? "ipv6" : "ipv4") + (subnet.IpAddress is null ? "_dhcp" : ""));
        w.WriteString("link", link);
        if (subnet.IpAddress is { } address)
        {
            w.WriteString("ip_address", IPAddress.Parse(address).ToString());
            w.WriteString("netmask", Mask(bits, v6).ToString());
            w.WriteStartArray("routes");
            if (subnet.Gateway is { } gateway)
            {
                WriteRoute(w, v6 ? "::" : "0.0.0.0", v6 ? "::" : "0.0.0.0", gateway);
            }
            foreach ((string destination, string nextHop) in subnet.Routes)
            {
                (IPAddress network, int routeBits) = ParseCidr(destination);
                WriteRoute(w, network.ToString(), Mask(routeBits, v6).ToString(), nextHop);
            }
            w.WriteEndArray();
        }
        w.WriteString("network_id", networkId);
        if (subnet.IpAddress is not null)
        {
            w.WriteStartArray("services");
            foreach (string server in subnet.DnsServers) { WriteDns(w, server); }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteRoute(Utf8JsonWriter w, string network, string netmask, string gateway)
    {
        w.WriteStartObject();
        w.WriteString("network", network);
        w.WriteString("netmask", netmask);
        w.WriteString("gateway", gateway);
        w.WriteEndObject();
    }

    private static void WriteDns(Utf8JsonWriter w, string address)
    {
        w.WriteStartObject();
        w.WriteString("type", "dns");
        w.WriteString("address", address);
        w.WriteEndObject();
    }

    private static (IPAddress Address, int Bits) ParseCidr(string cidr)
    {
        string[] parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out IPAddress? address) || !int.TryParse(parts[1], out int bits)
            || bits < 0 || bits > (address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32))
        {
            throw new ArgumentException($"'{cidr}' is not a CIDR such as 192.0.2.0/24.", nameof(cidr));
        }
        return (address, bits);
    }

    private static IPAddress Mask(int bits, bool v6)
    {
        var bytes = new byte[v6 ? 16 : 4];
        for (int i = 0; i < bits; i++) { bytes[i / 8] |= (byte)(0x80 >> (i % 8)); }
        return new IPAddress(bytes);
    }
}
