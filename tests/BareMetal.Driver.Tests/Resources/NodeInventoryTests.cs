using System.Text.Json;
using BareMetal.Driver.Resources;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Tests.Resources;

/// <summary>Availability and inventory over every combination of the facts that decide them.</summary>
public sealed class NodeInventoryTests
{
    private static readonly string?[] ProvisionStates =
        ["available", null, "active", "deploying", "wait call-back", "deploy failed", "cleaning", "clean wait", "clean failed", "manageable", "enroll", "error", "rescue", "some future state"];
    private static readonly string?[] PowerStates = ["power on", "power off", null, "error", "rebooting"];

    public static TheoryData<string?, string?, bool, bool> Combinations()
    {
        var data = new TheoryData<string?, string?, bool, bool>();
        foreach (string? provision in ProvisionStates)
        foreach (string? power in PowerStates)
        foreach (bool maintenance in new[] { false, true })
        foreach (bool used in new[] { false, true })
        {
            data.Add(provision, power, maintenance, used);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Available_only_when_free_powered_known_available_and_not_in_maintenance(string? provision, string? power, bool maintenance, bool used)
    {
        Node node = Node(provision, power, maintenance, used ? InstanceId.FromGuid(Guid.NewGuid()) : null);
        bool expected = !maintenance && power is "power on" or "power off" && provision is "available" or null && !used;

        NodeResources resources = NodeInventory.Of(node);

        Assert.Equal(expected, resources.Available);
        Assert.Equal(!expected, resources.Reserved);   // Nova reserves whatever is unavailable or used
        Assert.Equal(1, resources.Total);
        Assert.True(NodeInventory.Of(node, heldSinceLastFree: true).Reserved);   // cleaning race: held until seen free again
    }

    [Theory]
    [InlineData("baremetal-gold", "CUSTOM_BAREMETAL_GOLD")]
    [InlineData("baremetal.gold", "CUSTOM_BAREMETAL_GOLD")]
    [InlineData("iron-nfv", "CUSTOM_IRON_NFV")]
    [InlineData("a--b..c", "CUSTOM_A_B_C")]
    [InlineData("under_score", "CUSTOM_UNDER_SCORE")]
    [InlineData("gpu x 4", "CUSTOM_GPU_X_4")]
    [InlineData("ünïcode", "CUSTOM__N_CODE")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void Resource_classes_are_normalised_as_Nova_does(string? given, string? expected)
    {
        Assert.Equal(expected, NodeInventory.NormalizeResourceClass(given));   // non-ASCII letters are not A-Z either
        Assert.Equal(expected is null ? 0 : 1, NodeInventory.Of(Node("available", "power off", false, null) with { ResourceClass = given }).Total);
    }

    [Theory]
    [InlineData("""{"cpus":8,"memory_mb":16384,"local_gb":100,"cpu_arch":"amd64","capabilities":"boot_mode:uefi,raid:1"}""", 8, "x86_64", 2)]
    [InlineData("""{"cpus":"8","memory_mb":"lots","cpu_arch":"i386","capabilities":"boot_mode:uefi,bad,:x,y:,a:b:c"}""", 8, "i686", 1)]
    [InlineData("""{"cpus":-3,"cpu_arch":"vax","capabilities":42}""", 0, null, 0)]
    [InlineData("""{"cpus":1.5,"cpu_arch":7}""", 0, null, 0)]
    [InlineData("""{}""", 0, null, 0)]
    public void Malformed_properties_give_zeros_and_no_exceptions(string properties, int cpus, string? arch, int capabilityCount)
    {
        var props = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(properties)!;
        NodeResources resources = NodeInventory.Of(Node("available", "power off", false, null) with { Properties = props });
        Assert.Equal(cpus, NodeInventory.WholeNumber(props, "cpus"));
        Assert.Equal(arch, resources.CpuArch);
        Assert.Equal(capabilityCount, resources.Capabilities.Count);
        Assert.Equal(0, NodeInventory.WholeNumber(null, "cpus"));
    }

    internal static Node Node(string? provision, string? power, bool maintenance, InstanceId? instance) => new()
    {
        Uuid = NodeId.FromGuid(Guid.NewGuid()), ProvisionState = provision is null ? null : new ProvisionState(provision),
        PowerState = power is null ? null : new PowerState(power), Maintenance = maintenance, InstanceUuid = instance, ResourceClass = "baremetal-gold",
        Traits = ["CUSTOM_GOLD"],
    };
}
