namespace BareMetal.Driver.Requests;

/// <summary>How the node boots the instance.</summary>
public enum BootMode
{
    /// <summary><c>uefi</c>.</summary>
    Uefi,
    /// <summary><c>bios</c> (legacy).</summary>
    Bios,
}
