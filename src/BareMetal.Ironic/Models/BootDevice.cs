namespace BareMetal.Ironic.Models;

/// <summary>A node's boot device as its management interface reports it.</summary>
/// <param name="Device"><c>boot_device</c>: <c>pxe</c>, <c>disk</c>, <c>cdrom</c>, <c>bios</c> …, or null when unknown.</param>
/// <param name="Persistent"><c>persistent</c>: whether it holds beyond the next boot, or null when unknown.</param>
public sealed record BootDevice(
    [property: System.Text.Json.Serialization.JsonPropertyName("boot_device")] string? Device, bool? Persistent);
