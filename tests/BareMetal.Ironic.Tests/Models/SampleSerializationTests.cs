using System.Text.Json;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Tests.Support;

namespace BareMetal.Ironic.Tests.Models;

/// <summary>Every wire model against the bodies a real Ironic 21.4 sent (tests/data/ironic/samples).</summary>
public class SampleSerializationTests
{
    private static readonly NodeId NodeA = NodeId.Parse("1a1a1a1a-0000-4000-8000-00000000000a");

    private static T Read<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(IronicSample.Load(file).BodyJson!, type)!;

    [Fact]
    public void Reads_a_driver_field_projection()
    {
        Node node = Read("017-node-get-fields.json", IronicJsonContext.Default.Node);
        Assert.Equal(NodeA, node.Uuid);
        Assert.Equal(ProvisionState.Available, node.ProvisionState);
        Assert.Equal(PowerState.PowerOff, node.PowerState);
        Assert.Null(node.TargetProvisionState);
        Assert.Equal("baremetal-gold", node.ResourceClass);
        Assert.Equal(8, node.Properties!["cpus"].GetInt32());
        Assert.Null(node.InstanceUuid);
    }

    [Fact]
    public void Reads_an_active_node_with_masked_secrets_and_every_field()
    {
        Node node = Read("053-node-get-active-full.json", IronicJsonContext.Default.Node);
        Assert.Equal(ProvisionState.Active, node.ProvisionState);
        Assert.Equal(PowerState.PowerOn, node.PowerState);
        Assert.NotNull(node.InstanceUuid);
        Assert.Equal("******", node.InstanceInfo!["configdrive"].GetString());
        Assert.NotNull(node.CreatedAt);
        Assert.Equal("", node.ConductorGroup);
    }

    [Fact]
    public void Reads_the_short_old_microversion_view_without_failing()
    {
        Node node = Read("054-node-get-active-v1-1.json", IronicJsonContext.Default.Node);
        Assert.Equal(ProvisionState.Active, node.ProvisionState);
        Assert.Null(node.ResourceClass);
        Assert.Null(node.Traits);
    }

    [Fact]
    public void Reads_list_pages_with_and_without_next()
    {
        NodeListPage first = Read("010-nodes-list-limit.json", IronicJsonContext.Default.NodeListPage);
        NodeListPage last = Read("011-nodes-list-marker.json", IronicJsonContext.Default.NodeListPage);
        Assert.Equal(2, first.Nodes.Count);
        Assert.Contains("marker=", first.Next);
        Assert.Null(last.Next);
        NodeListPage detail = Read("013-nodes-detail-query-max.json", IronicJsonContext.Default.NodeListPage);
        Assert.Single(detail.Nodes);
    }

    [Fact]
    public void Round_trips_a_node_through_the_source_generated_context()
    {
        Node node = Read("053-node-get-active-full.json", IronicJsonContext.Default.Node);
        string json = JsonSerializer.Serialize(node, IronicJsonContext.Default.Node);
        Node again = JsonSerializer.Deserialize(json, IronicJsonContext.Default.Node)!;
        Assert.Equal(node.Uuid, again.Uuid);
        Assert.Equal(node.ProvisionState, again.ProvisionState);
        Assert.Equal(node.InstanceUuid, again.InstanceUuid);
        Assert.Equal(node.Traits, again.Traits);
        Assert.Equal(node.InstanceInfo!.Keys.Order(), again.InstanceInfo!.Keys.Order());
        Assert.Contains("\"provision_state\":\"active\"", json);
        Assert.Contains("\"instance_uuid\":\"", json);
    }

    [Fact]
    public void Reads_validation_vifs_ports_portgroups_console_states_traits_and_versions()
    {
        var validation = new NodeValidation(Read("031-node-validate.json", IronicJsonContext.Default.DictionaryStringInterfaceValidation));
        Assert.Equal(["deploy"], validation.Failed("power", "deploy", "storage"));
        Assert.Contains("missing traits", validation.Interfaces["deploy"].Reason);
        Assert.Single(Read("034-vif-list.json", IronicJsonContext.Default.VifList).Vifs);
        PortListPage ports = Read("038-ports-by-node-detail.json", IronicJsonContext.Default.PortListPage);
        Assert.Equal(NodeA, ports.Ports[0].NodeUuid);
        Assert.True(ports.Ports[0].InternalInfo!.ContainsKey("tenant_vif_port_id"));
        Assert.NotNull(Read("040-portgroups-by-node.json", IronicJsonContext.Default.PortgroupListPage).Portgroups);
        NodeConsole disabled = Read("056-console-get-disabled.json", IronicJsonContext.Default.NodeConsole);
        NodeConsole enabled = Read("058-console-get-enabled.json", IronicJsonContext.Default.NodeConsole);
        Assert.False(disabled.ConsoleEnabled);
        Assert.Null(disabled.ConsoleInfo);
        Assert.Equal("socat", enabled.ConsoleInfo!.Type);
        Assert.StartsWith("tcp://127.0.0.1:", enabled.ConsoleInfo.Url);
        Assert.Equal(ProvisionState.Active, Read("055-node-states.json", IronicJsonContext.Default.NodeStates).ProvisionState);
        Assert.Contains("CUSTOM_GOLD", Read("046-traits-get.json", IronicJsonContext.Default.TraitList).Traits);
        ApiVersionDocument root = Read("001-get-root.json", IronicJsonContext.Default.ApiVersionDocument);
        Assert.Equal("1.82", root.DefaultVersion!.Version);
        Assert.Equal("1.1", root.DefaultVersion.MinVersion);
    }

    [Fact]
    public void Unknown_states_and_unknown_fields_are_kept_and_ignored()
    {
        Node node = JsonSerializer.Deserialize(
            """{"uuid":"1a1a1a1a-0000-4000-8000-00000000000a","provision_state":"quantum flux","brand_new_field":{"x":1},"power_state":"power surge"}""",
            IronicJsonContext.Default.Node)!;
        Assert.Equal("quantum flux", node.ProvisionState!.Value.Value);
        Assert.False(node.ProvisionState.Value.IsKnown);
        Assert.False(node.ProvisionState.Value.IsStable);
        Assert.Equal("power surge", node.PowerState!.Value.Value);
    }

    [Fact]
    public void Requests_serialize_to_the_exact_wire_shapes()
    {
        string power = JsonSerializer.Serialize(new PowerRequest(PowerTarget.SoftPowerOff, 30), IronicJsonContext.Default.PowerRequest);
        Assert.Equal("""{"target":"soft power off","timeout":30}""", power);
        string console = JsonSerializer.Serialize(new ConsoleRequest(true), IronicJsonContext.Default.ConsoleRequest);
        Assert.Equal("""{"enabled":true}""", console);
        var patch = new[] { JsonPatchOperation.Add("/instance_uuid", "9f000001-0000-4000-8000-000000000001"), JsonPatchOperation.Remove("/instance_info") };
        Assert.Equal("""[{"op":"add","path":"/instance_uuid","value":"9f000001-0000-4000-8000-000000000001"},{"op":"remove","path":"/instance_info"}]""",
            JsonSerializer.Serialize<IReadOnlyList<JsonPatchOperation>>(patch, IronicJsonContext.Default.IReadOnlyListJsonPatchOperation));
        var rescue = new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new("pw") };
        Assert.Equal("""{"target":"rescue","rescue_password":"pw"}""", JsonSerializer.Serialize(rescue, IronicJsonContext.Default.ProvisionRequest));
        var deploy = new ProvisionRequest(ProvisionTarget.Active) { ConfigDrive = ConfigDrive.FromContents(JsonDocument.Parse("""{"uuid":"u"}""").RootElement) };
        Assert.Equal("""{"target":"active","configdrive":{"meta_data":{"uuid":"u"}}}""", JsonSerializer.Serialize(deploy, IronicJsonContext.Default.ProvisionRequest));
    }

    [Fact]
    public void Secrets_in_requests_never_print()
    {
        var request = new ProvisionRequest(ProvisionTarget.Active) { ConfigDrive = ConfigDrive.FromImage("SDRzSUFBQUFBQUFBQStzSkFBQUE=") };
        Assert.DoesNotContain("SDRz", request.ToString());
        var rescue = new ProvisionRequest(ProvisionTarget.Rescue) { RescuePassword = new("hunter2") };
        Assert.DoesNotContain("hunter2", rescue.ToString());
        Assert.Throws<ArgumentException>(() => ConfigDrive.FromImage("http://attacker.example/drive.iso"));
    }

    [Fact]
    public void Patch_paths_escape_pointer_characters()
    {
        Assert.Equal("/instance_info/a~1b~0c", JsonPatchOperation.PathOf("instance_info", "a/b~c"));
        Assert.Throws<ArgumentException>(() => JsonPatchOperation.Add("instance_uuid", "x"));
    }
}
