using System.Diagnostics.CodeAnalysis;

namespace BareMetal.Ironic.Primitives;

/// <summary>
/// Base of the validated identifier types (<see cref="NodeId"/>, <see cref="InstanceId"/>, <see cref="PortId"/>,
/// <see cref="VifId"/>, <see cref="PortgroupId"/>): a non-empty UUID, printed in canonical lower-case form.
/// </summary>
/// <remarks>
/// Identifiers are classes so that <c>default</c> can never stand for an "empty" id, and are built only through
/// <c>Parse</c>/<c>TryParse</c>/<c>FromGuid</c>, so every value that reaches a URL has been validated.
/// </remarks>
public abstract record UuidIdentifier
{
    private protected UuidIdentifier(Guid value) => Value = value;

    /// <summary>The UUID. Never <see cref="Guid.Empty"/>.</summary>
    public Guid Value { get; }

    /// <summary>The canonical form Ironic uses: 36 lower-case characters with hyphens.</summary>
    public sealed override string ToString() => Value.ToString("D");

    private protected static bool TryParseCore<T>([NotNullWhen(true)] string? text, [NotNullWhen(true)] out T? id)
        where T : UuidIdentifier, IUuidIdentifier<T>
    {
        // Only the hyphenated 36-character form: names, braces and bare hex never pass for a UUID.
        id = text is { Length: 36 } && Guid.TryParseExact(text, "D", out Guid uuid) && uuid != Guid.Empty
            ? T.Create(uuid)
            : null;
        return id is not null;
    }

    private protected static T ParseCore<T>(string text, string what)
        where T : UuidIdentifier, IUuidIdentifier<T>
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out T? id)
            ? id
            : throw new FormatException($"Expected a {what} UUID like 1be26c0b-03f2-4d2e-ae87-c02d7f33c123.");
    }

    private protected static Guid RequireNonEmpty(Guid value, string what) =>
        value == Guid.Empty ? throw new ArgumentException($"A {what} id cannot be the empty UUID.", nameof(value)) : value;
}
