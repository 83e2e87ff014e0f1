using System.Text.Json;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

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

/// <summary>The instance facts in <c>meta_data.json</c>.</summary>
public sealed record InstanceMetadata
{
    /// <summary>The instance's UUID (meta_data <c>uuid</c>; cloud-init's instance-id).</summary>
    public required InstanceId Uuid { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The host name, written as given (Nova appends <c>.novalocal</c> itself).</summary>
    public required string Hostname { get; init; }

    /// <summary>The launch index. The default is 0.</summary>
    public int LaunchIndex { get; init; }

    /// <summary>The availability zone, or null.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The owning project (versions 2015-10-15 and later), or null.</summary>
    public string? ProjectId { get; init; }

    /// <summary>The key pairs (<c>public_keys</c> and <c>keys</c>).</summary>
    public IReadOnlyList<KeyPair> Keys { get; init; } = [];

    /// <summary>Instance metadata key/value pairs (<c>meta</c>).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>The admin password (<c>admin_pass</c>), written only when given.</summary>
    public Secret<string>? AdminPassword { get; init; }

    /// <summary>Tagged devices (versions 2016-06-30 and later), as Nova's <c>devices</c> list; null writes an empty list.</summary>
    public JsonElement? Devices { get; init; }
}

/// <summary>A key pair: its name, type (<c>ssh</c> or <c>x509</c>) and public key.</summary>
/// <param name="Name">The key pair's name.</param>
/// <param name="Type">Its type.</param>
/// <param name="PublicKey">The public key text.</param>
public sealed record KeyPair(string Name, string Type, string PublicKey);

/// <summary>A file to inject: its absolute path in the guest and its bytes.</summary>
/// <param name="Path">E.g. <c>/etc/motd.d/10-site</c>.</param>
/// <param name="Content">The bytes.</param>
public sealed record InjectedFile(string Path, ReadOnlyMemory<byte> Content);
