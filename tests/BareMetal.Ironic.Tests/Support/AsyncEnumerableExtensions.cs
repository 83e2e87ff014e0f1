namespace BareMetal.Ironic.Tests.Support;

internal static class AsyncEnumerableExtensions
{
    public static async ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (T item in source) { list.Add(item); }
        return list;
    }
}
