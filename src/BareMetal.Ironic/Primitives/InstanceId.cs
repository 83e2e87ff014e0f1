using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of a compute instance, stored by Ironic in a node's instance_uuid.</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<InstanceId>))]
public sealed record InstanceId : UuidIdentifier, IUuidIdentifier<InstanceId>
{
    private InstanceId(Guid value) : base(value) { }

    static InstanceId IUuidIdentifier<InstanceId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static InstanceId FromGuid(Guid value) => new(RequireNonEmpty(value, "instance"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static InstanceId Parse(string text) => ParseCore<InstanceId>(text, "instance");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out InstanceId? id) => TryParseCore(text, out id);
}
