namespace BareMetal.Ironic.Fake.Faults;

/// <summary>What goes wrong with a request a fault rule picks.</summary>
public enum FakeFaultKind
{
    /// <summary>The answer comes <see cref="FakeFault.Latency"/> later, on the fake's clock; the request is processed normally.</summary>
    Latency,
    /// <summary>503 with Ironic's "No free conductor workers" body; nothing is done.</summary>
    ServiceUnavailable,
    /// <summary>409 NodeLocked, as when another conductor task holds the node; nothing is done.</summary>
    NodeLocked,
    /// <summary>
    /// The connection fails before the request arrives (connection refused in-process, reset on Kestrel); nothing is
    /// done.
    /// </summary>
    DropRequest,
    /// <summary>The request is processed, then the connection drops before any answer: the caller cannot know it took effect.</summary>
    DropResponse,
    /// <summary>The request is processed and answered with its status, but the body is not JSON.</summary>
    MalformedBody,
    /// <summary>The request is processed and the answer starts, but the connection drops halfway through the body.</summary>
    TruncatedBody,
}
