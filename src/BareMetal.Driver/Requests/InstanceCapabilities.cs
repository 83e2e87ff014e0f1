namespace BareMetal.Driver.Requests;

/// <summary>
/// What a flavor's <c>capabilities:*</c> extra specs ask of the node, written to <c>instance_info/capabilities</c>
/// as Nova does: boot mode, secure boot, disk label, and any other capability verbatim.
/// </summary>
public sealed record InstanceCapabilities
{
    /// <summary><c>boot_mode</c>: <c>uefi</c> or <c>bios</c>; null leaves it to the node.</summary>
    public BootMode? BootMode { get; init; }
    /// <summary><c>secure_boot</c>: true needs UEFI.</summary>
    public bool? SecureBoot { get; init; }
    /// <summary><c>disk_label</c>: <c>gpt</c> or <c>msdos</c>.</summary>
    public DiskLabel? DiskLabel { get; init; }
    /// <summary>Other <c>capabilities:&lt;key&gt;</c> extra specs, key without the prefix, value as the flavor has it.</summary>
    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();
}
