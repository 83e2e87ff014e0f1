namespace BareMetal.Ironic.Models;

/// <summary>
/// A wire type that can tell whether the shape Ironic sent holds together beyond what the serializer checks (null
/// entries in lists, above all). The client refuses a body whose <see cref="Defect"/> is not null.
/// </summary>
internal interface IWireShape
{
    /// <summary>What is wrong with the body, or null when nothing is.</summary>
    string? Defect { get; }
}
