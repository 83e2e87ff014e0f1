using System.Text.Json.Nodes;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake;

/// <summary>A snapshot of a fake node, for assertions. <see cref="InstanceInfo"/> is unmasked.</summary>
/// <param name="Uuid">The node.</param>
/// <param name="Name">Its name.</param>
/// <param name="ProvisionState">The provision state.</param>
/// <param name="TargetProvisionState">The provision target while a transition runs.</param>
/// <param name="PowerState">The power state.</param>
/// <param name="TargetPowerState">The power target while a power action runs.</param>
/// <param name="InstanceUuid">The owning instance.</param>
/// <param name="Maintenance">Whether it is in maintenance.</param>
/// <param name="LastError">Ironic's last error.</param>
/// <param name="Reservation">The conductor holding the node's lock, or null.</param>
/// <param name="ConsoleEnabled">Whether the console is enabled.</param>
/// <param name="Vifs">The attached VIF ids.</param>
/// <param name="Traits">The node's traits.</param>
/// <param name="InstanceInfo">A copy of instance_info, secrets included.</param>
public sealed record FakeNodeView(
    NodeId Uuid, string? Name, ProvisionState ProvisionState, ProvisionState? TargetProvisionState, PowerState? PowerState,
    PowerState? TargetPowerState, InstanceId? InstanceUuid, bool Maintenance, string? LastError, string? Reservation,
    bool ConsoleEnabled, IReadOnlyList<string> Vifs, IReadOnlyList<string> Traits, JsonObject InstanceInfo);
