using System.Text.Json;
using System.Text.Json.Nodes;
using BareMetal.Driver.ConfigDrive;
using BareMetal.Driver.Errors;
using BareMetal.Driver.Requests;
using BareMetal.Driver.Tests.Support;
using BareMetal.Ironic.Fake;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Spawning;

/// <summary>What spawn and rebuild write to instance_info for each field a flavor and an image carry, as Nova master writes it.</summary>
public sealed class DeployFieldsTests
{
    private static readonly string Sha256 = new('a', 64);

    private static SpawnRequest Full(NodeId node) => DriverHarness.Spawn(node) with
    {
        Flavor = new Flavor { Name = "bm.gold", RootGb = 10, Vcpus = 8, MemoryMb = 16384 },
        Image = new ImageDetails
        {
            OsHashAlgo = "sha256", OsHashValue = Sha256, Checksum = new string('b', 32), RequiredTraits = ["CUSTOM_GOLD", "CUSTOM_RAID"],
        },
        Capabilities = new InstanceCapabilities { BootMode = BootMode.Uefi, SecureBoot = true, DiskLabel = DiskLabel.Gpt },
        Owner = new InstanceOwner
        {
            ProjectId = "p-1", ProjectName = "demo", UserId = "u-1", UserName = "alice", FloatingIps = ["203.0.113.7"],
        },
        Vifs = [new InstanceVif(VifId.FromGuid(Guid.NewGuid()), "net", [new InstanceSubnet("10.0.0.0/24") { IpAddress = "10.0.0.5" }])],
    };

    [Fact]
    public async Task A_spawn_writes_image_data_capabilities_merged_traits_and_owner_data_as_nova_master()
    {
        await using var h = new DriverHarness(nodes: 1);
        await h.Run(h.Client.SetTraitsAsync(h.Nodes[0], ["CUSTOM_GOLD", "CUSTOM_RAID"]));

        await h.Run(h.Driver.SpawnAsync(Full(h.Nodes[0])));

        JsonObject info = h.Fake.GetNode(h.Nodes[0]).InstanceInfo;
        Assert.Equal("sha256", Text(info, "image_os_hash_algo"));
        Assert.Equal(Sha256, Text(info, "image_os_hash_value"));
        Assert.Equal(new string('b', 32), Text(info, "image_checksum"));
        // Nova writes the capabilities as a JSON string, and the traits as a JSON list: flavor's, then image's, each once.
        Assert.Equal("""{"boot_mode":"uefi","secure_boot":"true","disk_label":"gpt"}""", Text(info, "capabilities"));
        Assert.Equal(["CUSTOM_GOLD", "CUSTOM_RAID"], info["traits"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("p-1", Text(info, "project_id"));
        Assert.Equal("demo", Text(info, "project_name"));
        Assert.Equal("u-1", Text(info, "user_id"));
        Assert.Equal("alice", Text(info, "user_name"));
        Assert.Equal("bm.gold", Text(info, "flavor_name"));
        Assert.Equal("['10.0.0.5']", Text(info, "fixed_ips"));
        Assert.Equal("['203.0.113.7']", Text(info, "floating_ips"));
        Assert.False(info.ContainsKey("kernel"));
    }

    [Fact]
    public async Task A_partition_image_writes_its_type_kernel_and_ramdisk()
    {
        await using var h = new DriverHarness(nodes: 1);
        string kernel = Guid.NewGuid().ToString(), ramdisk = Guid.NewGuid().ToString();
        SpawnRequest request = DriverHarness.Spawn(h.Nodes[0]) with
        {
            Image = new ImageDetails { Type = ImageType.Partition, Kernel = kernel, Ramdisk = ramdisk },
        };

        await h.Run(h.Driver.SpawnAsync(request));

        JsonObject info = h.Fake.GetNode(h.Nodes[0]).InstanceInfo;
        Assert.Equal("partition", Text(info, "image_type"));
        Assert.Equal(kernel, Text(info, "kernel"));
        Assert.Equal(ramdisk, Text(info, "ramdisk"));
    }

    public static TheoryData<string, Func<SpawnRequest, SpawnRequest>> Invalid => new()
    {
        { "Capabilities.BootMode", r => r with { Capabilities = new InstanceCapabilities { SecureBoot = true, BootMode = BootMode.Bios } } },
        { "Capabilities.Other[0]", r => r with { Capabilities = new InstanceCapabilities { Other = new Dictionary<string, string> { ["boot_mode"] = "x" } } } },
        { "Image.Kernel", r => r with { Image = new ImageDetails { Type = ImageType.Partition, Ramdisk = Guid.NewGuid().ToString() } } },
        { "Image.Ramdisk", r => r with { Image = new ImageDetails { Type = ImageType.Partition, Kernel = Guid.NewGuid().ToString() } } },
        { "Image.OsHashValue", r => r with { Image = new ImageDetails { OsHashAlgo = "sha512", OsHashValue = Sha256 } } },
        { "Image.OsHashAlgo", r => r with { Image = new ImageDetails { OsHashAlgo = "crc32", OsHashValue = "abcd" } } },
        { "Image.Checksum", r => r with { Image = new ImageDetails { Checksum = "not-hex" } } },
        { "Image.RequiredTraits[0]", r => r with { Image = new ImageDetails { RequiredTraits = ["lower"] } } },
        { "Owner.FloatingIps[0]", r => r with { Owner = new InstanceOwner { ProjectId = "p", UserId = "u", FloatingIps = ["nope"] } } },
        { "Owner.ProjectId", r => r with { Owner = new InstanceOwner { ProjectId = "", UserId = "u" } } },
        { "Volumes[0].VolumeType", r => r with { Volumes = [new InstanceVolume("v-1", "nfs", 1)] } },
        { "Volumes", r => r with { Volumes = [new InstanceVolume("v-1", "iscsi", 1), new InstanceVolume("v-2", "iscsi", 1)] } },
        { "ImageSource", r => r with { Volumes = [new InstanceVolume("v-1", "iscsi", 0)] } },
        { "Flavor.Name", r => r with { Flavor = new Flavor { Name = "bad\nname" } } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task A_field_Ironic_could_not_use_is_refused_by_name_before_any_call(string property, Func<SpawnRequest, SpawnRequest> spoil)
    {
        await using var h = new DriverHarness(nodes: 1);

        var error = await Assert.ThrowsAsync<InvalidDriverRequestException>(() => h.Driver.SpawnAsync(spoil(DriverHarness.Spawn(h.Nodes[0]))));

        Assert.Contains(error.Problems, p => p.StartsWith(property + ":", StringComparison.Ordinal));
        Assert.Empty(h.Fake.Requests);
    }

    [Fact]
    public async Task A_rebuild_re_sends_the_whole_deploy_patch_with_preserve_ephemeral_and_its_own_timeout()
    {
        await using var h = new DriverHarness(nodes: 1);
        await h.Run(h.Client.SetTraitsAsync(h.Nodes[0], ["CUSTOM_GOLD", "CUSTOM_RAID"]));
        SpawnRequest spawn = Full(h.Nodes[0]);
        await h.Run(h.Driver.SpawnAsync(spawn));
        string image = Guid.NewGuid().ToString();

        await h.Run(h.Driver.RebuildAsync(new RebuildRequest
        {
            Instance = spawn.Instance, ImageSource = image, PreserveEphemeral = true, Image = spawn.Image, Flavor = spawn.Flavor,
            DisplayName = "vm-1", RequiredTraits = spawn.RequiredTraits, Capabilities = spawn.Capabilities, Owner = spawn.Owner,
            Vifs = spawn.Vifs, Timeout = TimeSpan.FromMinutes(5),
        }));

        JsonObject info = h.Fake.GetNode(h.Nodes[0]).InstanceInfo;
        Assert.Equal(image, Text(info, "image_source"));
        Assert.Equal("True", Text(info, "preserve_ephemeral"));
        Assert.Equal("""{"boot_mode":"uefi","secure_boot":"true","disk_label":"gpt"}""", Text(info, "capabilities"));
        Assert.Equal("['10.0.0.5']", Text(info, "fixed_ips"));
        Assert.Equal("16384", Text(info, "memory_mb"));
        string patch = h.Fake.Requests.Last(r => r.Route == FakeRoutes.PatchNode).Body!;
        Assert.Contains("/instance_info/traits", patch, StringComparison.Ordinal);
        Assert.Contains("/instance_info/root_gb", patch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_to_reimage_a_boot_volume_is_refused_with_nothing_sent()
    {
        await using var h = new DriverHarness(nodes: 1);

        var error = await Assert.ThrowsAsync<VolumeRebuildUnsupportedException>(() => h.Run(h.Driver.RebuildAsync(
            new RebuildRequest { Instance = InstanceId.FromGuid(Guid.NewGuid()), ImageSource = Guid.NewGuid().ToString(), ReimageBootVolume = true })));

        Assert.Contains("boot volume", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Fake.Requests);
    }

    private static string Text(JsonObject info, string key) =>
        info[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : $"<{key}: {info[key]}>";
}
