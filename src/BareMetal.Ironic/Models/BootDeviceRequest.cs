namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>PUT /v1/nodes/{id}/management/boot_device</c>.</summary>
internal sealed record BootDeviceRequest(string BootDevice, bool Persistent);
