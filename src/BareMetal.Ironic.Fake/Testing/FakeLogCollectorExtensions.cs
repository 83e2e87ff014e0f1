using System.Text;
using Microsoft.Extensions.Logging.Testing;

namespace BareMetal.Ironic.Fake.Testing;

/// <summary>What a <see cref="FakeLogCollector"/> holds, as one text for "never contains a secret" assertions.</summary>
public static class FakeLogCollectorExtensions
{
    /// <summary>
    /// Every record's category, message, structured values, scopes and exception (with its inner exceptions and stack),
    /// one record per line: whatever a log sink could show.
    /// </summary>
    public static string AllText(this FakeLogCollector logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var text = new StringBuilder();
        foreach (FakeLogRecord record in logs.GetSnapshot())
        {
            text.Append(record.Category).Append(' ').Append(record.Message);
            foreach (KeyValuePair<string, string?> value in record.StructuredState ?? [])
            {
                text.Append(' ').Append(value.Key).Append('=').Append(value.Value);
            }
            foreach (object? scope in record.Scopes)
            {
                text.Append(" scope: ").Append(scope);
            }
            if (record.Exception is { } exception) { text.Append(' ').Append(exception); }
            text.Append('\n');
        }
        return text.ToString();
    }
}
