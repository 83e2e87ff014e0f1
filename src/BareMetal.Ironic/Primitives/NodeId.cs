using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic node. Node names are never accepted where a node id is expected.</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<NodeId>))]
public sealed record NodeId : UuidIdentifier, IUuidIdentifier<NodeId>
{
    private NodeId(Guid value) : base(value) { }

    static NodeId IUuidIdentifier<NodeId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static NodeId FromGuid(Guid value) => new(RequireNonEmpty(value, "node"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static NodeId Parse(string text) => ParseCore<NodeId>(text, "node");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out NodeId? id) => TryParseCore(text, out id);
}
