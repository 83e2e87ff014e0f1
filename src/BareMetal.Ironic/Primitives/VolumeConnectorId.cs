using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic volume connector (an initiator of a node: iqn, wwpn, ip …).</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<VolumeConnectorId>))]
public sealed record VolumeConnectorId : UuidIdentifier, IUuidIdentifier<VolumeConnectorId>
{
    private VolumeConnectorId(Guid value) : base(value) { }

    static VolumeConnectorId IUuidIdentifier<VolumeConnectorId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static VolumeConnectorId FromGuid(Guid value) => new(RequireNonEmpty(value, "volume connector"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static VolumeConnectorId Parse(string text) => ParseCore<VolumeConnectorId>(text, "volume connector");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out VolumeConnectorId? id) =>
        TryParseCore(text, out id);
}
