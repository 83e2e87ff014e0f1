using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// Ironic answered with a body that is not what was expected: malformed, of the wrong shape, too large, a listing
/// without end, or cut off. Only a cut-off answer is worth asking again (<see cref="Truncated"/>); a server that sent a
/// whole answer of the wrong shape will send it again. A write's effect is unknown
/// (<see cref="IronicTransportException.MayHaveBeenApplied"/>).
/// </summary>
public sealed class IronicResponseFormatException : IronicTransportException
{
    /// <summary>Creates the exception.</summary>
    public IronicResponseFormatException(string message, NodeId? nodeId, bool mayHaveBeenApplied, Exception? innerException = null,
        bool truncated = false)
        : base(message, nodeId, mayHaveBeenApplied, innerException)
    {
        Truncated = truncated;
    }

    /// <summary>True when the connection ended before the whole body arrived: a repeat may get all of it.</summary>
    public bool Truncated { get; }

    /// <inheritdoc />
    public override bool IsTransient => Truncated && base.IsTransient;
}
