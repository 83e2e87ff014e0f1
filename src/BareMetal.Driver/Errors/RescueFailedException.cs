using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>Rescue or unrescue failed.</summary>
public sealed class RescueFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError,
    Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);
