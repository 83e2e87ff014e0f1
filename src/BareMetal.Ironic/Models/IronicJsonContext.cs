using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>The source-generated serializer for every wire type: no reflection-based serialization anywhere.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    // A null where the model says there is none ({"nodes": null}) is a malformed answer, not a crash later; a missing
    // list is caught by IWireShape.
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(NodeListPage))]
[JsonSerializable(typeof(Port))]
[JsonSerializable(typeof(PortListPage))]
[JsonSerializable(typeof(Portgroup))]
[JsonSerializable(typeof(PortgroupListPage))]
[JsonSerializable(typeof(VifList))]
[JsonSerializable(typeof(VifAttachment))]
[JsonSerializable(typeof(NodeConsole))]
[JsonSerializable(typeof(NodeStates))]
[JsonSerializable(typeof(Dictionary<string, InterfaceValidation>))]
[JsonSerializable(typeof(ApiVersionDocument))]
[JsonSerializable(typeof(TraitList))]
[JsonSerializable(typeof(IReadOnlyList<JsonPatchOperation>))]
[JsonSerializable(typeof(JsonPatchOperation[]))]
[JsonSerializable(typeof(EmptyBody))]
[JsonSerializable(typeof(ProvisionRequest))]
[JsonSerializable(typeof(PowerRequest))]
[JsonSerializable(typeof(ConsoleRequest))]
[JsonSerializable(typeof(VolumeTarget))]
[JsonSerializable(typeof(VolumeTargetListPage))]
[JsonSerializable(typeof(NewVolumeTarget))]
[JsonSerializable(typeof(VolumeConnector))]
[JsonSerializable(typeof(VolumeConnectorListPage))]
[JsonSerializable(typeof(NewVolumeConnector))]
[JsonSerializable(typeof(DeployTemplate))]
[JsonSerializable(typeof(DeployTemplateListPage))]
[JsonSerializable(typeof(NewDeployTemplate))]
[JsonSerializable(typeof(Allocation))]
[JsonSerializable(typeof(AllocationListPage))]
[JsonSerializable(typeof(NewAllocation))]
[JsonSerializable(typeof(BootDevice))]
[JsonSerializable(typeof(BootDeviceRequest))]
[JsonSerializable(typeof(BootDeviceList))]
[JsonSerializable(typeof(MaintenanceRequest))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class IronicJsonContext : JsonSerializerContext;
