namespace BareMetal.Ironic.Models;

/// <summary>The answer of <c>GET /v1/nodes/{id}/management/boot_device/supported</c>.</summary>
internal sealed record BootDeviceList(IReadOnlyList<string> SupportedBootDevices) : IWireShape
{
    string? IWireShape.Defect => WireShape.OfList(SupportedBootDevices, "supported_boot_devices");
}
