using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>
/// The five power targets Ironic accepts on <c>PUT /v1/nodes/{id}/states/power</c>, with their exact wire strings.
/// ("reboot", "on", "off" and "soft reboot" are not Ironic targets: Nova bug 2064826.)
/// </summary>
[JsonConverter(typeof(WireStringJsonConverter<PowerTarget>))]
public readonly record struct PowerTarget : IWireString<PowerTarget>
{
    private PowerTarget(string value) => Value = value;

    /// <summary>The wire string.</summary>
    public string Value { get; }

    /// <summary><c>power on</c>.</summary>
    public static PowerTarget PowerOn { get; } = new("power on");
    /// <summary><c>power off</c> (hard).</summary>
    public static PowerTarget PowerOff { get; } = new("power off");
    /// <summary><c>rebooting</c> (hard).</summary>
    public static PowerTarget Rebooting { get; } = new("rebooting");
    /// <summary><c>soft power off</c> (API 1.27).</summary>
    public static PowerTarget SoftPowerOff { get; } = new("soft power off");
    /// <summary><c>soft rebooting</c> (API 1.27).</summary>
    public static PowerTarget SoftRebooting { get; } = new("soft rebooting");

    /// <summary>True for the soft targets, which need API 1.27.</summary>
    public bool IsSoft => Value is "soft power off" or "soft rebooting";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Not one of the five power targets.</exception>
    public static PowerTarget FromWire(string value) => value switch
    {
        "power on" => PowerOn,
        "power off" => PowerOff,
        "rebooting" => Rebooting,
        "soft power off" => SoftPowerOff,
        "soft rebooting" => SoftRebooting,
        _ => throw new ArgumentException($"'{value}' is not an Ironic power target.", nameof(value)),
    };

    /// <summary>The wire string.</summary>
    public override string ToString() => Value;
}
