using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>What the compute service reports about an instance.</summary>
/// <param name="Instance">The instance.</param>
/// <param name="Node">The node holding it.</param>
/// <param name="PowerState">Running, shut down, or unknown (Nova's NOSTATE) for anything else.</param>
/// <param name="ProvisionState">The node's provision state.</param>
/// <param name="MemoryMb">The node's memory.</param>
/// <param name="Vcpus">The node's CPUs.</param>
public sealed record InstanceInfo(InstanceId Instance, NodeId Node, InstancePowerState PowerState, string? ProvisionState, int MemoryMb,
    int Vcpus);
