using System.Globalization;
using System.Text;
using System.Text.Json;
using BareMetal.Cli.Commands;
using BareMetal.Ironic.Logging;

namespace BareMetal.Cli.Output;

/// <summary>
/// Rows as the OpenStack client prints them: <c>-f table</c> (aligned columns, or field/value for one object),
/// <c>-f json</c> (a list, or an object) and <c>-f value</c> (values only, space-separated); <c>-c</c> keeps columns.
/// Every value from a server is redacted, then escaped, before it is shown, in every format.
/// </summary>
internal sealed class Formatter(TextWriter output, string format, IReadOnlyList<string> columns)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A list of rows with these columns.</summary>
    public Task ListAsync(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        int[] keep = Keep(header);
        List<object?[]> kept = [.. rows.Select(r => keep.Select(i => Redacted(r[i])).ToArray())];
        string[] names = [.. keep.Select(i => header[i])];
        return format switch
        {
            "json" => output.WriteLineAsync(JsonSerializer.Serialize(
                kept.Select(r => names.Zip(r).ToDictionary(p => p.First, p => p.Second)), Indented)),
            "value" => WriteLinesAsync(kept.Select(r => string.Join(' ', r.Select(Text)))),
            _ => WriteLinesAsync(Table(names, kept)),
        };
    }

    /// <summary>One object, field by field.</summary>
    public Task ObjectAsync(IReadOnlyList<(string Field, object? Value)> fields)
    {
        int[] keep = Keep([.. fields.Select(f => f.Field)]);
        List<(string Field, object? Value)> kept = [.. keep.Select(i => (fields[i].Field, Redacted(fields[i].Value)))];
        return format switch
        {
            "json" => output.WriteLineAsync(JsonSerializer.Serialize(kept.ToDictionary(f => f.Field, f => f.Value), Indented)),
            "value" => WriteLinesAsync(kept.Select(f => Text(f.Value))),
            _ => WriteLinesAsync(Table(["Field", "Value"], [.. kept.Select(f => new object?[] { f.Field, f.Value })])),
        };
    }

    private int[] Keep(IReadOnlyList<string> header)
    {
        if (columns.Count == 0) { return [.. Enumerable.Range(0, header.Count)]; }
        foreach (string column in columns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            throw new UsageException($"-c {column}: no such column (columns: {string.Join(", ", header)})");
        }
        return [.. columns.Select(c => header.ToList().FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)))];
    }

    private static IEnumerable<string> Table(IReadOnlyList<string> header, List<object?[]> rows)
    {
        int[] widths = [.. header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => Text(r[i]).Length)))];
        string Line(IEnumerable<string> cells) =>
            "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        string rule = "+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+";
        yield return rule;
        yield return Line(header);
        yield return rule;
        foreach (object?[] row in rows) { yield return Line(row.Select(Text)); }
        yield return rule;
    }

    /// <summary>Server text redacted; JSON escapes control characters itself, the other formats in <see cref="Text"/>.</summary>
    private static object? Redacted(object? value) => value switch
    {
        null or bool or IFormattable => value,
        string text => SensitiveData.RedactText(text),
        IEnumerable<string> list => list.Select(item => SensitiveData.RedactText(item)).ToArray(),
        _ => SensitiveData.RedactText(value.ToString()),
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list.Select(ErrorLine.Escape)),
        _ => ErrorLine.Escape(value.ToString() ?? ""),
    };

    private async Task WriteLinesAsync(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (string line in lines) { text.Append(line).Append('\n'); }
        await output.WriteAsync(text.ToString()).ConfigureAwait(false);
    }
}
