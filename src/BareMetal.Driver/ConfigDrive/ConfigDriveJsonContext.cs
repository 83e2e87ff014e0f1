namespace BareMetal.Driver.ConfigDrive;

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ConfigDriveJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
