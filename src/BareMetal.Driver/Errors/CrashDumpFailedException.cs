using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>
/// The crash dump (a non-maskable interrupt to the instance's node) was refused: the node's management interface
/// cannot inject one, or Ironic is older than API 1.29.
/// </summary>
public sealed class CrashDumpFailedException(string message, NodeId nodeId, InstanceId instanceId, Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, null, innerException);
