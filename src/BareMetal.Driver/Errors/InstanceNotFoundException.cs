using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>No node holds the instance (it was never spawned, or its node is gone).</summary>
public sealed class InstanceNotFoundException(InstanceId instanceId, NodeId? nodeId = null)
    : InstanceOperationException($"No node holds instance {instanceId}.", nodeId, instanceId);
