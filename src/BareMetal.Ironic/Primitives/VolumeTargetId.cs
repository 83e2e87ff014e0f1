using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic volume target (a volume a node boots from or attaches).</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<VolumeTargetId>))]
public sealed record VolumeTargetId : UuidIdentifier, IUuidIdentifier<VolumeTargetId>
{
    private VolumeTargetId(Guid value) : base(value) { }

    static VolumeTargetId IUuidIdentifier<VolumeTargetId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static VolumeTargetId FromGuid(Guid value) => new(RequireNonEmpty(value, "volume target"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static VolumeTargetId Parse(string text) => ParseCore<VolumeTargetId>(text, "volume target");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out VolumeTargetId? id) => TryParseCore(text, out id);
}
