using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>A wait passed its deadline with the node still not where it should be.</summary>
public sealed class WaitTimedOutException(string message, NodeId nodeId, InstanceId? instanceId, string? lastError)
    : InstanceOperationException(message, nodeId, instanceId, lastError);
