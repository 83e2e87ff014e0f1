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
