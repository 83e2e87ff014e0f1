using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>Reads and writes an <see cref="IWireString{TSelf}"/> as its bare string. Unknown values are kept, never rejected.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class WireStringJsonConverter<T> : JsonConverter<T> where T : struct, IWireString<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromWire(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
