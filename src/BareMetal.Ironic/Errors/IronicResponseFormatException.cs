using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>Ironic answered with a success status but a body that is not the JSON expected (malformed, truncated or too large).</summary>
public sealed class IronicResponseFormatException : BareMetalException
{
    /// <summary>Creates the exception.</summary>
    public IronicResponseFormatException(string message, NodeId? nodeId, Exception? innerException = null)
        : base(message, nodeId, innerException) { }

    /// <summary>A truncated body usually means a dropped connection: reads may be repeated.</summary>
    public override bool IsTransient => true;
}
