using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Tests.ConfigDrive.Support;
using BareMetal.Ironic.Fake.Testing;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.ConfigDrive;

/// <summary>
/// Drives we build, read by <c>check-configdrive</c>: cloud-init's own reader on the tree Linux sees, both name trees
/// compared, and the metadata cloud-init gets compared with what we put in (<c>--expect-json</c>).
/// </summary>
public sealed class CloudInitReadsOurDrivesTests
{
    internal static readonly InstanceId Instance = InstanceId.Parse("f11c9f5c-c701-46fa-8bcc-20da8c84e356");

    internal static ConfigDriveBuilder Builder(ConfigDriveOptions? options = null) =>
        new(options ?? new ConfigDriveOptions(), new FakeTimeProvider(), span => span.Fill(0x5A));

    internal static ConfigDriveContent Minimal => new()
    {
        Metadata = new InstanceMetadata { Uuid = Instance, Name = "bm-1", Hostname = "bm-1.novalocal" },
    };

    internal static ConfigDriveContent Full()
    {
        VifId bond = VifId.Parse("cfb21535-060c-47eb-9e46-3d36c6a448aa"), plain = VifId.Parse("67f53627-7ca6-44ea-9f4a-a9164972b6bd");
        PortgroupId group = PortgroupId.FromGuid(Guid.Parse("11111111-0000-4000-8000-000000000001"));
        Port member1 = new() { Uuid = PortId.Parse("c78d02ae-1b35-42cd-8b0a-81d8ba0b4b8b"), Address = "52:54:00:12:34:01", PortgroupUuid = group };
        Port member2 = new() { Uuid = PortId.Parse("931414a8-1d6a-4e4e-bfc4-2e7ef2c42325"), Address = "52:54:00:12:34:02", PortgroupUuid = group };
        Port single = new()
        {
            Uuid = PortId.Parse("22222222-0000-4000-8000-000000000002"), Address = "52:54:00:12:34:03",
            InternalInfo = new Dictionary<string, JsonElement> { ["tenant_vif_port_id"] = JsonSerializer.SerializeToElement(plain.ToString()) },
        };
        Portgroup portgroup = new()
        {
            Uuid = group, Address = "52:54:00:12:34:01", Mode = "802.3ad",
            InternalInfo = new Dictionary<string, JsonElement> { ["tenant_vif_port_id"] = JsonSerializer.SerializeToElement(bond.ToString()) },
            Properties = new Dictionary<string, JsonElement> { ["miimon"] = JsonSerializer.SerializeToElement("100"), ["bond_xmit_hash_policy"] = JsonSerializer.SerializeToElement("layer3+4") },
        };
        JsonElement network = NetworkDataBuilder.Build(
        [
            new InstanceVif(bond, "a0770b58-3385-4a93-b573-12253eee328f",
            [
                new InstanceSubnet("192.0.2.0/24") { IpAddress = "192.0.2.10", Gateway = "192.0.2.1", DnsServers = ["192.0.2.53"], Routes = [("198.51.100.0/24", "192.0.2.254")] },
                new InstanceSubnet("2001:db8:10::/64") { IpAddress = "2001:db8:10::10", Gateway = "2001:db8:10::1", DnsServers = ["2001:db8:10::53"] },
            ]) { Mtu = 9000 },
            new InstanceVif(plain, "ddd1f91f-dcb5-459e-9aae-b9d433875c0d", [new InstanceSubnet("10.0.0.0/24")]) { VlanId = 42 },
        ], [member1, member2, single], [portgroup]);
        return new ConfigDriveContent
        {
            Metadata = new InstanceMetadata
            {
                Uuid = Instance, Name = "bm-web-01", Hostname = "bm-web-01.novalocal", AvailabilityZone = "nova",
                ProjectId = "76ea5cc4549640ec81e09b45ccb21db1", AdminPassword = new Secret<string>("Sample-Admin-Pass-1"),
                Keys = [new KeyPair("ops-key", "ssh", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKGCmO86l7dTVxMD+oTC+EPci/q0Bb3u3zzge+WQs1ki ops@example.invalid")],
                Meta = new Dictionary<string, string> { ["role"] = "web", ["env"] = "staging" },
            },
            UserData = new Secret<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("#cloud-config\nhostname: bm-web-01\n")),
            NetworkData = network,
            VendorData = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["cloud-init"] = "#cloud-config\npackage_update: false\n" }),
            Files = [new InjectedFile("/etc/motd.d/10-configdrive", Encoding.UTF8.GetBytes("managed by BareMetal.Driver\n"))],
        };
    }

    [ConfigDriveCheckFact]
    public async Task A_minimal_drive_is_read_by_cloud_init_from_2018_08_27()
    {
        CheckResult result = await Check(Minimal, new
        {
            selected_version = "2018-08-27",
            meta_data = new Dictionary<string, object?>
            {
                ["uuid"] = Instance.ToString(), ["hostname"] = "bm-1.novalocal", ["name"] = "bm-1", ["launch_index"] = 0,
                ["availability_zone"] = null, ["project_id"] = null, ["devices"] = Array.Empty<object>(),
            },
            network_data = (object?)null,
            user_data = (string?)null,
        });
        Assert.Equal("config-2", result.Report.GetProperty("iso").GetProperty("blkid").GetProperty("LABEL").GetString());
        // The one thing the checker remarks on: repeated files (vendor_data.json in 7 versions) share one extent, as hard links.
        Assert.All(result.Report.GetProperty("warnings").EnumerateArray(), w => Assert.EndsWith("share data extents with others", w.GetString(), StringComparison.Ordinal));
    }

    [ConfigDriveCheckFact]
    public async Task A_full_nova_like_drive_gives_cloud_init_the_same_metadata_network_with_bond_and_vlan_and_files()
    {
        ConfigDriveContent content = Full();
        CheckResult result = await Check(content, new
        {
            selected_version = "2018-08-27",
            meta_data = new Dictionary<string, object?>
            {
                ["uuid"] = Instance.ToString(), ["meta"] = new Dictionary<string, string> { ["role"] = "web", ["env"] = "staging" },
                ["files"] = new[] { new { path = "/etc/motd.d/10-configdrive", content_path = "/content/0000" } },
                ["admin_pass"] = "Sample-Admin-Pass-1",
                ["public_keys"] = new Dictionary<string, string> { ["ops-key"] = content.Metadata.Keys[0].PublicKey },
                ["keys"] = new[] { new { name = "ops-key", type = "ssh", data = content.Metadata.Keys[0].PublicKey } },
                ["hostname"] = "bm-web-01.novalocal", ["name"] = "bm-web-01", ["launch_index"] = 0, ["availability_zone"] = "nova",
                ["project_id"] = "76ea5cc4549640ec81e09b45ccb21db1", ["devices"] = Array.Empty<object>(),
            },
            network_data = content.NetworkData,
            vendor_data = content.VendorData,
            user_data = "#cloud-config\nhostname: bm-web-01\n",
        });
        JsonElement report = result.Report;
        Assert.Contains(report.GetProperty("network_config_v1").GetProperty("config").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "bond");
        Assert.Contains(report.GetProperty("network_config_v1").GetProperty("config").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "vlan");
        Assert.DoesNotContain("Sample-Admin-Pass-1", result.Output, StringComparison.Ordinal);   // the checker redacts; we check it did not need to leak
    }

    [ConfigDriveCheckFact]
    public async Task Unicode_hostname_and_meta_survive()
    {
        ConfigDriveContent content = Minimal with
        {
            Metadata = Minimal.Metadata with { Hostname = "höst-ü.例え.novalocal", Name = "名前", Meta = new Dictionary<string, string> { ["ключ"] = "значение ✓" } },
        };
        await Check(content, new
        {
            selected_version = "2018-08-27",
            meta_data_mode = "subset",
            meta_data = new Dictionary<string, object> { ["hostname"] = "höst-ü.例え.novalocal", ["name"] = "名前", ["meta"] = new Dictionary<string, string> { ["ключ"] = "значение ✓" } },
        });
    }

    [ConfigDriveCheckFact]
    public async Task User_data_at_Novas_limit_of_49149_bytes_is_carried_exactly()
    {
        byte[] userData = new byte[ConfigDriveBuilder.MaxUserDataBytes];
        new Random(1).NextBytes(userData);
        await Check(Minimal with { UserData = new Secret<ReadOnlyMemory<byte>>(userData) },
            new { selected_version = "2018-08-27", user_data_base64 = Convert.ToBase64String(userData) });
        Assert.Equal(49149, ConfigDriveBuilder.MaxUserDataBytes);
    }

    [ConfigDriveCheckFact]
    public async Task Two_hundred_injected_files_and_megabytes_of_vendor_data_span_many_sectors()
    {
        var random = new Random(2);
        InjectedFile[] files = [.. Enumerable.Range(0, 200).Select(i =>
        {
            byte[] bytes = new byte[random.Next(0, 9000)];
            random.NextBytes(bytes);
            return new InjectedFile($"/etc/app/conf.d/{i:D3}-{new string('x', i % 40)}.conf", bytes);
        })];
        var vendor = new Dictionary<string, object> { ["cloud-init"] = "#cloud-config\n", ["blob"] = Convert.ToBase64String(RandomBytes(random, 3 * 1024 * 1024)) };
        ConfigDriveContent content = Minimal with { Files = files, VendorData = JsonSerializer.SerializeToElement(vendor) };

        CheckResult result = await Check(content, new { selected_version = "2018-08-27", vendor_data = content.VendorData });
        JsonElement trees = result.Report.GetProperty("trees");
        Assert.Contains("/openstack/content/0199", trees.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(200, result.Report.GetProperty("injected_files").EnumerateObject().Count());
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Builds the gzip+base64 drive and requires check-configdrive to pass it with the expectations.</summary>
    private static async Task<CheckResult> Check(ConfigDriveContent content, object expect)
    {
        using var drive = new MemoryStream();
        await Builder().WriteAsync(content, ConfigDriveEncoding.GzipBase64, drive);
        CheckResult result = await ConfigDriveChecker.CheckAsync(drive.ToArray(), expect);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
