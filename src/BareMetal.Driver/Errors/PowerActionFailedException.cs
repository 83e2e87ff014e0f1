using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>A power action failed, or ended in another state than asked.</summary>
public sealed class PowerActionFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError,
    Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);
