using Microsoft.Extensions.Logging;

namespace BareMetal.Ironic.Fake.Testing;

/// <summary>One captured log entry.</summary>
/// <param name="Category">The logger category.</param>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Values">The structured values, as strings.</param>
/// <param name="Exception">The exception's full text, if any.</param>
public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message,
    IReadOnlyList<KeyValuePair<string, string?>> Values, string? Exception)
{
    /// <summary>Everything this entry would print anywhere.</summary>
    public string AllText => $"{Message} {string.Join(' ', Values.Select(v => $"{v.Key}={v.Value}"))} {Exception}";
}
