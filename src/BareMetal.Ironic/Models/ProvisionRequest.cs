using System.Text.Json.Serialization;
using BareMetal.Ironic.Logging;

namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>PUT /v1/nodes/{id}/states/provision</c>. Secrets print as <c>***</c>.</summary>
/// <param name="Target">The verb.</param>
public sealed record ProvisionRequest(ProvisionTarget Target)
{
    /// <summary>The config drive, only with <c>active</c> and <c>rebuild</c>.</summary>
    [JsonPropertyName("configdrive")]
    public ConfigDrive? ConfigDrive { get; init; }

    /// <summary>The rescue password, required with <c>rescue</c>.</summary>
    public Secret<string>? RescuePassword { get; init; }
}
