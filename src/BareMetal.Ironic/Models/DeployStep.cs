using System.Text.Json;

namespace BareMetal.Ironic.Models;

/// <summary>One step of a deploy template.</summary>
/// <param name="Interface">The driver interface: <c>deploy</c>, <c>bios</c>, <c>raid</c>, <c>management</c> ….</param>
/// <param name="Step">The step's name on that interface.</param>
/// <param name="Args">The step's arguments.</param>
/// <param name="Priority">When it runs among the deploy steps (0 disables it).</param>
public sealed record DeployStep(string Interface, string Step, IReadOnlyDictionary<string, JsonElement> Args, int Priority);
