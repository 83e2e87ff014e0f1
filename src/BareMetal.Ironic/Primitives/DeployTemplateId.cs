using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>The UUID of an Ironic deploy template (deploy steps chosen by a trait).</summary>
[JsonConverter(typeof(UuidIdentifierJsonConverter<DeployTemplateId>))]
public sealed record DeployTemplateId : UuidIdentifier, IUuidIdentifier<DeployTemplateId>
{
    private DeployTemplateId(Guid value) : base(value) { }

    static DeployTemplateId IUuidIdentifier<DeployTemplateId>.Create(Guid value) => new(value);

    /// <summary>Wraps a UUID.</summary>
    /// <exception cref="ArgumentException">The UUID is empty.</exception>
    public static DeployTemplateId FromGuid(Guid value) => new(RequireNonEmpty(value, "deploy template"));

    /// <summary>Parses the canonical UUID form; anything else (names, empty UUID, other formats) is rejected.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    public static DeployTemplateId Parse(string text) => ParseCore<DeployTemplateId>(text, "deploy template");

    /// <summary>Parses the canonical UUID form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DeployTemplateId? id) =>
        TryParseCore(text, out id);
}
