using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Primitives;

/// <summary>Reads and writes an identifier as its bare UUID string.</summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal sealed class UuidIdentifierJsonConverter<T> : JsonConverter<T> where T : UuidIdentifier, IUuidIdentifier<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        try
        {
            return T.Parse(text ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new JsonException($"Expected a UUID for {typeof(T).Name}.", e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
