using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The id of a virtual interface: the UUID of the Neutron port attached to a node.</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<VifId>))]
public sealed record VifId : UuidIdentifier, IUuidIdentifier<VifId>
{
    private VifId(Guid value) : base(value) { }

    static VifId IUuidIdentifier<VifId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static VifId FromGuid(Guid value) => new(RequireNonEmpty(value, "VIF"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static VifId Parse(string text) => ParseCore<VifId>(text, "VIF");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out VifId? id) => TryParseCore(text, out id);
}
