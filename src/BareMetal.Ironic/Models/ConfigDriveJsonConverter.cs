using System.Text.Json;
using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>Writes a <see cref="ConfigDrive"/> into a provision request body; config drives are never read back.</summary>
internal sealed class ConfigDriveJsonConverter : JsonConverter<ConfigDrive>
{
    /// <inheritdoc />
    public override ConfigDrive Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Config drives are write-only: Ironic masks them in responses.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ConfigDrive value, JsonSerializerOptions options) => value.WriteTo(writer);
}
