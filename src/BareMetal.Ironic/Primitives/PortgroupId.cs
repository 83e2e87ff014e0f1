using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic portgroup (a bond of ports).</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<PortgroupId>))]
public sealed record PortgroupId : UuidIdentifier, IUuidIdentifier<PortgroupId>
{
    private PortgroupId(Guid value) : base(value) { }

    static PortgroupId IUuidIdentifier<PortgroupId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static PortgroupId FromGuid(Guid value) => new(RequireNonEmpty(value, "portgroup"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static PortgroupId Parse(string text) => ParseCore<PortgroupId>(text, "portgroup");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PortgroupId? id) => TryParseCore(text, out id);
}
