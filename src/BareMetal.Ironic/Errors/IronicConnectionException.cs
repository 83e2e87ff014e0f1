using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>The connection to Ironic failed: refused or reset before the request was sent, or dropped before the answer came.</summary>
public sealed class IronicConnectionException : IronicTransportException
{
    /// <summary>Creates the exception.</summary>
    public IronicConnectionException(string message, NodeId? nodeId, bool mayHaveBeenApplied, Exception? innerException)
        : base(message, nodeId, mayHaveBeenApplied, innerException) { }
}
