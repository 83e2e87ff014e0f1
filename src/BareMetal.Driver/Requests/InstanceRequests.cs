using BareMetal.Driver.ConfigDrive;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Boot an instance's node into the rescue ramdisk.</summary>
public sealed record RescueRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The password for the rescue user; never logged.</summary>
    public required Secret<string> Password { get; init; }
}

/// <summary>Redeploy an instance's node with a (new) image, keeping the node and the instance.</summary>
public sealed record RebuildRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The image: a Glance UUID or an http(s) URL without credentials.</summary>
    public required string ImageSource { get; init; }

    /// <summary>Whether the ephemeral partition is kept.</summary>
    public bool PreserveEphemeral { get; init; }

    /// <summary>A new config drive, or null for none (API 1.35).</summary>
    public ConfigDriveContent? ConfigDrive { get; init; }
}

/// <summary>What the compute service reports about an instance.</summary>
/// <param name="Instance">The instance.</param>
/// <param name="Node">The node holding it.</param>
/// <param name="PowerState">Running, shut down, or unknown (Nova's NOSTATE) for anything else.</param>
/// <param name="ProvisionState">The node's provision state.</param>
/// <param name="MemoryMb">The node's memory.</param>
/// <param name="Vcpus">The node's CPUs.</param>
public sealed record InstanceInfo(InstanceId Instance, NodeId Node, InstancePowerState PowerState, string? ProvisionState, int MemoryMb, int Vcpus);

/// <summary>An instance's power as Nova sees it.</summary>
public enum InstancePowerState
{
    /// <summary>Ironic reports no known power state (Nova's NOSTATE).</summary>
    Unknown,
    /// <summary><c>power on</c>.</summary>
    Running,
    /// <summary><c>power off</c>.</summary>
    Shutdown,
}
