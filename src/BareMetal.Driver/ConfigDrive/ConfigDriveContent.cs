using System.Text.Json;
using BareMetal.Ironic.Logging;

namespace BareMetal.Driver.ConfigDrive;

/// <summary>Everything a config drive carries for one instance.</summary>
public sealed record ConfigDriveContent
{
    /// <summary>The instance's metadata (<c>meta_data.json</c>).</summary>
    public required InstanceMetadata Metadata { get; init; }

    /// <summary>The user data, raw (<c>user_data</c>); at most 49,149 bytes, Nova's limit of 65,535 base64 characters.</summary>
    public Secret<ReadOnlyMemory<byte>>? UserData { get; init; }

    /// <summary><c>network_data.json</c>, usually from <see cref="NetworkDataBuilder"/>; null writes none.</summary>
    public JsonElement? NetworkData { get; init; }

    /// <summary><c>vendor_data.json</c> (static vendor data; the one cloud-init reads); null writes none.</summary>
    public JsonElement? VendorData { get; init; }

    /// <summary>
    /// <c>vendor_data2.json</c> (dynamic vendor data); null writes Nova's <c>{"static": vendor_data}</c> when there is
    /// vendor data.
    /// </summary>
    public JsonElement? VendorData2 { get; init; }

    /// <summary>Files injected into the guest, under <c>openstack/content/</c> and listed in meta_data <c>files</c>.</summary>
    public IReadOnlyList<InjectedFile> Files { get; init; } = [];
}
