using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>The node a waiter watched ended in a failed state, or is gone: it will not reach the state waited for.</summary>
public sealed class NodeWaitFailedException(string message, NodeId nodeId, string? lastError) : BareMetalException(message, nodeId, null)
{
    /// <summary>Ironic's <c>last_error</c> on the node, cut and redacted.</summary>
    public string? LastError { get; } = lastError is null ? null : SensitiveData.RedactText(lastError);
}
