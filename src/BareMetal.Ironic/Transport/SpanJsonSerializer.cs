using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace BareMetal.Ironic.Transport;

/// <summary>
/// Refit's serializer from the source-generated context, except that a body the attempt handler has buffered (its
/// length known) is copied into a pooled array and parsed from that span: the resource cache reads pages of 1000
/// nodes, and the span parser is much faster than the resumable stream one, without a large allocation per page.
/// </summary>
internal sealed class SpanJsonSerializer(IHttpContentSerializer inner, JsonSerializerContext context) : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item) => inner.ToHttpContent(item);

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        long length = content.Headers.ContentLength ?? 0;
        if (length is <= 0 or > int.MaxValue || context.GetTypeInfo(typeof(T)) is not JsonTypeInfo<T> type)
        {
            return await inner.FromHttpContentAsync<T>(content, cancellationToken).ConfigureAwait(false);
        }
        byte[] rented = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read = await stream.ReadAtLeastAsync(rented.AsMemory(0, (int)length), (int)length, throwOnEndOfStream: false,
                cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(rented.AsSpan(0, read), type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);   // the body may carry instance data
        }
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => inner.GetFieldNameForProperty(propertyInfo);
}
