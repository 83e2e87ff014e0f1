using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// Ironic answered with a success status but a body that is not the JSON expected (malformed, truncated or too large).
/// A read may be repeated; a write's effect is unknown (<see cref="IronicTransportException.MayHaveBeenApplied"/>).
/// </summary>
public sealed class IronicResponseFormatException : IronicTransportException
{
    /// <summary>Creates the exception.</summary>
    public IronicResponseFormatException(string message, NodeId? nodeId, bool mayHaveBeenApplied, Exception? innerException = null)
        : base(message, nodeId, mayHaveBeenApplied, innerException) { }
}
