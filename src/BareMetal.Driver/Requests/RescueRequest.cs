using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Requests;

/// <summary>Boot an instance's node into the rescue ramdisk.</summary>
public sealed record RescueRequest
{
    /// <summary>The instance.</summary>
    public required InstanceId Instance { get; init; }

    /// <summary>The password for the rescue user; never logged.</summary>
    public required Secret<string> Password { get; init; }
}
