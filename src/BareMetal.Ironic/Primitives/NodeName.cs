using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace BareMetal.Ironic.Primitives;

/// <summary>
/// A node's name, under Ironic's rules: 1-255 characters of RFC 3986's unreserved set (letters, digits, <c>-._~</c>),
/// and never a UUID. A name is resolved to a <see cref="NodeId"/> explicitly (<c>ResolveNodeAsync</c>), never guessed.
/// </summary>
public sealed partial record NodeName
{
    private NodeName(string value) => Value = value;

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>Parses a name.</summary>
    /// <exception cref="FormatException">The text is not a node name (or is a UUID, which names a node by id).</exception>
    public static NodeName Parse(string text) => TryParse(text, out NodeName? name) ? name
        : throw new FormatException("A node name is 1-255 characters of letters, digits and -._~, and not a UUID.");

    /// <summary>Parses a name without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out NodeName? name)
    {
        name = text is not null && Pattern().IsMatch(text) && !Guid.TryParse(text, out _) ? new NodeName(text) : null;
        return name is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9._~-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
