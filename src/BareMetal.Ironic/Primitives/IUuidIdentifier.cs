namespace BareMetal.Ironic.Primitives;

/// <summary>Lets shared code (parsing, JSON conversion) construct a specific identifier type.</summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
internal interface IUuidIdentifier<TSelf> where TSelf : UuidIdentifier, IUuidIdentifier<TSelf>
{
    /// <summary>Wraps a UUID already known to be non-empty.</summary>
    internal static abstract TSelf Create(Guid value);

    /// <summary>Parses the canonical UUID form.</summary>
    /// <exception cref="FormatException">The text is not a non-empty hyphenated UUID.</exception>
    static abstract TSelf Parse(string text);
}
