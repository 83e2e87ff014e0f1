using System.Text.Json;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Models;

/// <summary>An Ironic deploy template: deploy steps run for every instance that asks for its trait (1.55).</summary>
public sealed record DeployTemplate
{
    /// <summary><c>uuid</c>.</summary>
    public required DeployTemplateId Uuid { get; init; }
    /// <summary><c>name</c>: a trait (<c>CUSTOM_…</c> or a standard one).</summary>
    public required string Name { get; init; }
    /// <summary><c>steps</c>.</summary>
    public IReadOnlyList<DeployStep> Steps { get; init; } = [];
    /// <summary><c>extra</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Extra { get; init; }
}
