using System.Text.Json.Serialization;

namespace BareMetal.Driver.Spawning;

/// <summary>The source-generated serializer for the few values the driver writes into instance_info itself.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DriverJsonContext : JsonSerializerContext;
