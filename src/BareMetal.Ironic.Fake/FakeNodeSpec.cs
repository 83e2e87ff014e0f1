using System.Text.Json.Nodes;
using BareMetal.Ironic.Models;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Fake;

/// <summary>A node to put straight into the fake, as <c>enroll.sh</c> leaves them: available, powered off, with one port.</summary>
public sealed record FakeNodeSpec
{
    /// <summary>The UUID; null picks a new one.</summary>
    public NodeId? Uuid { get; init; }

    /// <summary>The name; null leaves it unnamed.</summary>
    public string? Name { get; init; }

    /// <summary>The resource class. The default is <c>baremetal-gold</c>.</summary>
    public string? ResourceClass { get; init; } = "baremetal-gold";

    /// <summary>The properties. The default is 8 CPUs, 16 GiB, 100 GB disk, x86_64.</summary>
    public JsonObject? Properties { get; init; }

    /// <summary>The node's traits.</summary>
    public IReadOnlyList<string> Traits { get; init; } = [];

    /// <summary>The conductor group. The default is the empty group.</summary>
    public string ConductorGroup { get; init; } = "";

    /// <summary>The shard (API 1.82), or null.</summary>
    public string? Shard { get; init; }

    /// <summary>The owner project, or null.</summary>
    public string? Owner { get; init; }

    /// <summary>How many ports (each with a unique MAC) the node gets. The default is 1.</summary>
    public int Ports { get; init; } = 1;

    /// <summary>The provision state. The default is <c>available</c>.</summary>
    public ProvisionState ProvisionState { get; init; } = ProvisionState.Available;

    /// <summary>The power state. The default is <c>power off</c>.</summary>
    public PowerState? PowerState { get; init; } = Models.PowerState.PowerOff;

    /// <summary>Whether the node is in maintenance.</summary>
    public bool Maintenance { get; init; }

    /// <summary>The instance that owns the node, or null.</summary>
    public InstanceId? InstanceUuid { get; init; }
}

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

/// <summary>One request the fake received.</summary>
/// <param name="Sequence">Its number, from 1.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query as sent.</param>
/// <param name="Route">The route template (see <see cref="FakeRoutes"/>), or <c>unknown</c>.</param>
/// <param name="Node">The node it named, if it exists.</param>
/// <param name="Status">The status answered; 0 when the connection was dropped before an answer.</param>
/// <param name="Body">The request body as text, or null.</param>
/// <param name="Fault">The fault injected into it, if any.</param>
/// <param name="At">When it arrived, on the fake's clock.</param>
public sealed record FakeRequestRecord(long Sequence, string Method, string PathAndQuery, string Route, NodeId? Node, int Status, string? Body,
    Faults.FakeFaultKind? Fault, DateTimeOffset At);
