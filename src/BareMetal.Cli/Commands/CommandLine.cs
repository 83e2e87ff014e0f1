using System.Globalization;

namespace BareMetal.Cli.Commands;

/// <summary>A command's options: <c>--name value</c>, flags, and options that may repeat. Unknown options are usage errors.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <summary>
    /// Parses <paramref name="args"/>; returns null with <paramref name="error"/> set on an unknown or incomplete
    /// option.
    /// </summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags,
        out string? error)
    {
        var line = new CommandLine();
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (flags.Contains(arg)) { line._flags.Add(arg); }
            else if (valueOptions.Contains(arg) && i + 1 < args.Count)
            {
                (line._values.TryGetValue(arg, out List<string>? list) ? list : line._values[arg] = []).Add(args[++i]);
            }
            else if (!arg.StartsWith("--", StringComparison.Ordinal)) { line.Positional.Add(arg); }
            else
            {
                error = $"unknown or incomplete option '{arg}'";
                return null;
            }
        }
        return line;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.TryGetValue(name, out List<string>? list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out List<string>? list) ? list : [];

    /// <summary>A positive whole number of seconds, or null when absent; throws <see cref="UsageException"/> when malformed.</summary>
    public TimeSpan? Seconds(string name) =>
        Value(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s is > 0 and <= 86400 ? TimeSpan.FromSeconds(s)
        : throw new UsageException($"{name} must be a whole number of seconds from 1 to 86400");
}

/// <summary>Bad usage or invalid input: exit 2, nothing changed.</summary>
internal sealed class UsageException(string message) : Exception(message);
