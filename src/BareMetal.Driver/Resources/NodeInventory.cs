using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BareMetal.Ironic.Models;

namespace BareMetal.Driver.Resources;

/// <summary>
/// The pure function from an Ironic node to its resources, with Nova's rules (ironic-reference §4.4 and §5.3):
/// unavailable when in maintenance, with an unknown or error power state, or in any provision state but available
/// (unknown states included); malformed properties never throw.
/// </summary>
internal static class NodeInventory
{
    private static readonly FrozenDictionary<string, string> Architectures =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x86_64"] = "x86_64",
            ["amd64"] = "x86_64",
            ["x64"] = "x86_64",
            ["i386"] = "i686",
            ["i486"] = "i686",
            ["i586"] = "i686",
            ["i686"] = "i686",
            ["x86"] = "i686",
            ["ia32"] = "i686",
            ["aarch64"] = "aarch64",
            ["arm64"] = "aarch64",
            ["armv7l"] = "armv7l",
            ["armv7"] = "armv7l",
            ["ppc64"] = "ppc64",
            ["ppc64le"] = "ppc64le",
            ["s390x"] = "s390x",
            ["riscv64"] = "riscv64",
            ["mips64"] = "mips64",
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The node's resources. <paramref name="heldSinceLastFree"/>: it held an instance and has not been seen free since.</summary>
    public static NodeResources Of(Node node, bool heldSinceLastFree = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        bool available = IsAvailable(node);
        bool used = node.InstanceUuid is not null;
        Dictionary<string, string> capabilities = Capabilities(node.Properties);
        return new NodeResources(
            node.Uuid, NormalizeResourceClass(node.ResourceClass), Reserved: !available || used || heldSinceLastFree,
            Available: available && !used && !heldSinceLastFree,
            node.InstanceUuid, node.Traits ?? [], CanonicalArch(Text(node.Properties, "cpu_arch")), capabilities,
            node.ProvisionState?.Value, node.PowerState?.Value);
    }

    /// <summary>Nova's availability rule, failing closed on anything it does not know.</summary>
    public static bool IsAvailable(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return !node.Maintenance
            && node.PowerState is { } power && power != Ironic.Models.PowerState.Error && power.Value is "power on" or "power off"
            && (node.ProvisionState is null || node.ProvisionState == Ironic.Models.ProvisionState.Available);
    }

    /// <summary><c>CUSTOM_</c> + the class upper-cased, every run of characters other than A-Z, 0-9 and _ made one <c>_</c>.</summary>
    public static string? NormalizeResourceClass(string? resourceClass)
    {
        if (string.IsNullOrEmpty(resourceClass)) { return null; }
        var name = new StringBuilder("CUSTOM_", resourceClass.Length + 7);
        bool inRun = false;
        foreach (char c in resourceClass.ToUpperInvariant())
        {
            if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                name.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                name.Append('_');
                inRun = true;
            }
        }
        return name.ToString();
    }

    /// <summary>A whole-number property (cpus, memory_mb, local_gb); anything else is 0, as Nova does.</summary>
    public static int WholeNumber(IReadOnlyDictionary<string, JsonElement>? properties, string name) =>
        properties is not null && properties.TryGetValue(name, out JsonElement value)
        && (value.ValueKind == JsonValueKind.Number ? value.TryGetInt32(out int n)
            : value.ValueKind == JsonValueKind.String
                && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        && n >= 0 ? n : 0;

    private static string? Text(IReadOnlyDictionary<string, JsonElement>? properties, string name) =>
        properties is not null && properties.TryGetValue(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? CanonicalArch(string? arch) =>
        arch is not null && Architectures.TryGetValue(arch.Trim(), out string? canonical) ? canonical : null;

    /// <summary>
    /// <c>properties.capabilities</c> as <c>k:v,k2:v2</c>; pairs without a key or value, or with an extra ':', are
    /// skipped.
    /// </summary>
    private static Dictionary<string, string> Capabilities(IReadOnlyDictionary<string, JsonElement>? properties)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Text(properties, "capabilities") is not { } text) { return result; }
        foreach (string pair in text.Split(','))
        {
            string[] parts = pair.Split(':');
            if (parts.Length == 2 && parts[0].Trim() is { Length: > 0 } key && parts[1].Trim() is { Length: > 0 } value)
            {
                result[key] = value;
            }
        }
        return result;
    }
}
