using System.Collections.ObjectModel;

namespace BareMetal.Ironic.Models;

/// <summary>The result of <c>GET /v1/nodes/{id}/validate</c>: one entry per interface (boot, deploy, power, …).</summary>
public sealed class NodeValidation
{
    /// <summary>Creates a validation result from Ironic's per-interface map.</summary>
    public NodeValidation(IReadOnlyDictionary<string, InterfaceValidation> interfaces) =>
        Interfaces = new ReadOnlyDictionary<string, InterfaceValidation>(
            new Dictionary<string, InterfaceValidation>(interfaces, StringComparer.Ordinal));

    /// <summary>Every interface Ironic reported, by name.</summary>
    public IReadOnlyDictionary<string, InterfaceValidation> Interfaces { get; }

    /// <summary>The interfaces among <paramref name="required"/> whose result is not true (missing counts as failed).</summary>
    public IReadOnlyList<string> Failed(params string[] required) =>
        [.. required.Where(name => !Interfaces.TryGetValue(name, out InterfaceValidation? v) || v.Result != true)];
}
