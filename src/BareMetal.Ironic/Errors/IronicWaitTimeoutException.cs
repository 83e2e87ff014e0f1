using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>A waiter's deadline passed before Ironic reached the state waited for.</summary>
public sealed class IronicWaitTimeoutException(string message, NodeId? nodeId) : BareMetalException(message, nodeId, null);
