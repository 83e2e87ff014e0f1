using BareMetal.Ironic.Primitives;
using BareMetal.Ironic.Versioning;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// The server's microversion range cannot serve what was asked: a feature above the negotiated version (thrown
/// before any request is sent), a server below this client's minimum, or a 406 from Ironic after one re-negotiation.
/// </summary>
public sealed class UnsupportedMicroversionException : BareMetalException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not supported.</param>
    /// <param name="required">The microversion the request needs, if known.</param>
    /// <param name="available">The microversion in use (or the server's maximum), if known.</param>
    /// <param name="nodeId">The node concerned, if any.</param>
    /// <param name="requestId">Ironic's request id when this came from a 406.</param>
    public UnsupportedMicroversionException(string message, ApiVersion? required, ApiVersion? available, NodeId? nodeId = null,
        string? requestId = null)
        : base(message, nodeId)
    {
        Required = required;
        Available = available;
        RequestId = requestId;
    }

    /// <summary>The microversion the request needs.</summary>
    public ApiVersion? Required { get; }

    /// <summary>The microversion in use, or the server's maximum.</summary>
    public ApiVersion? Available { get; }

    /// <summary>Ironic's request id when this came from a 406.</summary>
    public string? RequestId { get; }
}
