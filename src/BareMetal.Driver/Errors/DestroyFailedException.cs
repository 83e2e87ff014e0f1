using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>Tear-down did not leave the node free.</summary>
public sealed class DestroyFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError,
    Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);
