namespace BareMetal.Ironic.Models;

/// <summary>The checks every <see cref="IWireShape"/> shares.</summary>
internal static class WireShape
{
    /// <summary>The first defect of a list: missing when required, a null entry, or an entry's own defect.</summary>
    public static string? OfList<T>(IReadOnlyList<T>? items, string what, bool required = true)
        where T : class
    {
        if (items is null)
        {
            return required ? $"no '{what}' list" : null;
        }
        foreach (T? item in items)
        {
            if (item is null)
            {
                return $"a null entry in '{what}'";
            }
            if (item is IWireShape { Defect: { } defect })
            {
                return defect;
            }
        }
        return null;
    }
}
