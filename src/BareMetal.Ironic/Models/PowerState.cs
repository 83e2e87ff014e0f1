using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>A node's power state or target power state, as Ironic's exact wire string. Unknown values are kept.</summary>
/// <param name="Value">The wire string, e.g. <c>power on</c>.</param>
[JsonConverter(typeof(WireStringJsonConverter<PowerState>))]
public readonly record struct PowerState(string Value) : IWireString<PowerState>
{
    /// <summary><c>power on</c>.</summary>
    public static PowerState PowerOn { get; } = new("power on");
    /// <summary><c>power off</c>.</summary>
    public static PowerState PowerOff { get; } = new("power off");
    /// <summary><c>error</c>: the BMC could not be read.</summary>
    public static PowerState Error { get; } = new("error");
    /// <summary><c>rebooting</c> (a target only).</summary>
    public static PowerState Rebooting { get; } = new("rebooting");
    /// <summary><c>soft power off</c> (a target only).</summary>
    public static PowerState SoftPowerOff { get; } = new("soft power off");
    /// <summary><c>soft rebooting</c> (a target only).</summary>
    public static PowerState SoftRebooting { get; } = new("soft rebooting");

    /// <inheritdoc />
    public static PowerState FromWire(string value) => new(value);

    /// <summary>The wire string.</summary>
    public override string ToString() => Value;
}
