using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic port (a physical NIC of a node).</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<PortId>))]
public sealed record PortId : UuidIdentifier, IUuidIdentifier<PortId>
{
    private PortId(Guid value) : base(value) { }

    static PortId IUuidIdentifier<PortId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static PortId FromGuid(Guid value) => new(RequireNonEmpty(value, "port"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static PortId Parse(string text) => ParseCore<PortId>(text, "port");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PortId? id) => TryParseCore(text, out id);
}
