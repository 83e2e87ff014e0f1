using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>The node offers no console of the kind asked for, or it could not be enabled.</summary>
public sealed class ConsoleUnavailableException(string message, NodeId node, InstanceId instance, Exception? innerException = null)
    : InstanceOperationException(message, node, instance, null, innerException);
