using System.Text.Json;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.ConfigDrive;

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
