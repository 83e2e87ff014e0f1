using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace BareMetal.Ironic.Transport;

/// <summary>
/// Refit's JSON serializer from the source-generated context, except that a body already buffered by the attempt
/// handler is parsed straight from its bytes (no stream, no second copy): the resource cache reads 1000-node pages.
/// </summary>
internal sealed class BufferedJsonSerializer(IHttpContentSerializer inner, JsonSerializerContext context) : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item) => inner.ToHttpContent(item);

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        content is BufferedBody buffered && context.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> type
            ? Task.FromResult(JsonSerializer.Deserialize(buffered.Bytes, type))
            : inner.FromHttpContentAsync<T>(content, cancellationToken);

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => inner.GetFieldNameForProperty(propertyInfo);
}
