using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Logging;

/// <summary>Writes a <see cref="Secret{T}"/> of string into a request body: the one place JSON sees the value.</summary>
internal sealed class SecretStringJsonConverter : JsonConverter<Secret<string>>
{
    /// <inheritdoc />
    public override Secret<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? string.Empty);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Secret<string> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Reveal());
}
