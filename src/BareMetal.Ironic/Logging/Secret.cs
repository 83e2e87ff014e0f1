using System.Diagnostics;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Logging;

/// <summary>
/// A value that must never reach a log, an exception message or the debugger: <see cref="ToString"/> prints
/// <c>***</c>, and the only way out is <see cref="Reveal"/>, so every place a secret leaves the box can be found by search.
/// </summary>
/// <typeparam name="T">The wrapped value's type.</typeparam>
/// <param name="value">The secret.</param>
[DebuggerDisplay("***")]
[JsonConverter(typeof(SecretStringJsonConverter))]
public readonly struct Secret<T>(T value) : IEquatable<Secret<T>>
{
    /// <summary>Returns the secret. Call only where it is sent to its destination.</summary>
    public T Reveal() => value;

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => "***";

    /// <inheritdoc />
    public bool Equals(Secret<T> other) => EqualityComparer<T>.Default.Equals(value, other.Reveal());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Secret<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(value);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Secret<T> left, Secret<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Secret<T> left, Secret<T> right) => !left.Equals(right);
}
