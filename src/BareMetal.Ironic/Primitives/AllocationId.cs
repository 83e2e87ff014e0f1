using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic allocation (a request for a node by resource class and traits).</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<AllocationId>))]
public sealed record AllocationId : UuidIdentifier, IUuidIdentifier<AllocationId>
{
    private AllocationId(Guid value) : base(value) { }

    static AllocationId IUuidIdentifier<AllocationId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static AllocationId FromGuid(Guid value) => new(RequireNonEmpty(value, "allocation"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static AllocationId Parse(string text) => ParseCore<AllocationId>(text, "allocation");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AllocationId? id) => TryParseCore(text, out id);
}
