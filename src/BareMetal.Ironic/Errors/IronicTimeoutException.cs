using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// Our own deadline fired before Ironic answered (never the caller's cancellation, which stays an
/// <see cref="OperationCanceledException"/>).
/// </summary>
public sealed class IronicTimeoutException : IronicTransportException
{
    /// <summary>Creates the exception.</summary>
    public IronicTimeoutException(string message, NodeId? nodeId, bool mayHaveBeenApplied, Exception? innerException = null)
        : base(message, nodeId, mayHaveBeenApplied, innerException) { }
}
