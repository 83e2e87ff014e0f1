using System.Globalization;

namespace BareMetal.Ironic.Fake.Api;

/// <summary>A request's query string, decoded.</summary>
internal sealed class Query
{
    private static readonly string[] TrueWords = ["1", "t", "true", "on", "y", "yes"];
    private static readonly string[] FalseWords = ["0", "f", "false", "off", "n", "no"];
    private readonly List<KeyValuePair<string, string>> _items;

    private Query(List<KeyValuePair<string, string>> items) => _items = items;

    public static Query Parse(string raw) => new(raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(kv => new KeyValuePair<string, string>(Decode(kv[0]), kv.Length > 1 ? Decode(kv[1]) : ""))
        .ToList());

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    public IEnumerable<string> Keys => _items.Select(i => i.Key).Distinct();

    public string? Get(string key) => _items.FindLast(i => i.Key == key).Value;

    public Query Without(params string[] keys) => new([.. _items.Where(i => !keys.Contains(i.Key))]);

    public Query With(string key, string value) => new([.. _items.Where(i => i.Key != key), new(key, value)]);

    /// <summary>A boolean parameter in Ironic's spelling; 400 for anything else.</summary>
    public bool? Bool(string key)
    {
        string? value = Get(key);
        if (value is null) { return null; }
        return ParseBool(value) ?? throw IronicFaultException.BadRequest(
            $"Invalid {key}: Unrecognized value '{value}', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', " +
                $"'true', 'y', 'yes'");
    }

    public static bool? ParseBool(string value) =>
        TrueWords.Contains(value.ToLowerInvariant()) ? true : FalseWords.Contains(value.ToLowerInvariant()) ? false : null;

    /// <summary>Ironic's <c>limit</c>: absent or 0 is the maximum, negative is 400, more than the maximum is the maximum.</summary>
    public int Limit(int maximum)
    {
        string? value = Get("limit");
        if (value is null) { return maximum; }
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int limit))
        {
            throw IronicFaultException.BadRequest($"Invalid input for field/attribute limit. Value: '{value}'. unable to convert to int");
        }
        if (limit < 0)
        {
            throw IronicFaultException.BadRequest("Limit must be positive");
        }
        return limit == 0 ? maximum : Math.Min(limit, maximum);
    }
}
