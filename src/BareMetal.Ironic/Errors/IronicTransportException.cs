using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// No usable answer came from Ironic: the connection failed, the attempt timed out, or the response was cut.
/// <see cref="MayHaveBeenApplied"/> says whether Ironic may have acted anyway; such an outcome is settled by
/// re-reading the node, never by retrying the write blindly.
/// </summary>
public abstract class IronicTransportException : BareMetalException
{
    /// <summary>Creates the exception.</summary>
    protected IronicTransportException(string message, NodeId? nodeId, bool mayHaveBeenApplied, Exception? innerException)
        : base(message, nodeId, innerException) => MayHaveBeenApplied = mayHaveBeenApplied;

    /// <summary>True when the request may have reached Ironic and changed something (a write whose answer was lost).</summary>
    public bool MayHaveBeenApplied { get; }

    /// <summary>Retryable only when repeating it cannot apply a change twice.</summary>
    public override bool IsTransient => !MayHaveBeenApplied;
}
