using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BareMetal.Ironic.Versioning;

/// <summary>An Ironic API microversion such as <c>1.46</c>. Ordered by major, then minor.</summary>
/// <param name="Major">Always 1 for Ironic's v1 API.</param>
/// <param name="Minor">The microversion.</param>
public readonly record struct ApiVersion(int Major, int Minor) : IComparable<ApiVersion>
{
    /// <summary>Parses <c>1.46</c>.</summary>
    /// <exception cref="FormatException">Not <c>major.minor</c> with non-negative integers.</exception>
    public static ApiVersion Parse(string text) =>
        TryParse(text, out ApiVersion version) ? version : throw new FormatException("Expected a microversion like 1.46.");

    /// <summary>Parses <c>1.46</c> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ApiVersion version)
    {
        version = default;
        int dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0
            || !int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            return false;
        }
        version = new ApiVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Less than.</summary>
    public static bool operator <(ApiVersion left, ApiVersion right) => left.CompareTo(right) < 0;
    /// <summary>Greater than.</summary>
    public static bool operator >(ApiVersion left, ApiVersion right) => left.CompareTo(right) > 0;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(ApiVersion left, ApiVersion right) => left.CompareTo(right) <= 0;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(ApiVersion left, ApiVersion right) => left.CompareTo(right) >= 0;

    /// <summary>The lower of two versions.</summary>
    public static ApiVersion Min(ApiVersion a, ApiVersion b) => a <= b ? a : b;

    /// <summary>The header form, <c>1.46</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
