using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>
/// The base of every exception this library throws on purpose. Two families derive from it: Ironic answered
/// (<see cref="IronicApiException"/>) and no usable answer came (<see cref="IronicTransportException"/>); the driver
/// adds its workflow failures. Local mistakes stay <see cref="ArgumentException"/>s.
/// </summary>
public abstract class BareMetalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, already free of secrets.</param>
    /// <param name="nodeId">The node concerned, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected BareMetalException(string message, NodeId? nodeId, Exception? innerException = null)
        : base(message, innerException) => NodeId = nodeId;

    /// <summary>The node concerned, if any.</summary>
    public NodeId? NodeId { get; }

    /// <summary>True when the same call may succeed if simply repeated. The retry policy reads only this.</summary>
    public virtual bool IsTransient => false;
}
