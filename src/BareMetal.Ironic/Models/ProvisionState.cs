using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>
/// A node's provision state, as Ironic's exact wire string. Open-ended: Ironic adds states with new releases, and an
/// unknown state is kept as it is (and treated as neither stable nor available by the driver: fail closed).
/// </summary>
/// <param name="Value">The wire string, e.g. <c>wait call-back</c>.</param>
[JsonConverter(typeof(WireStringJsonConverter<ProvisionState>))]
public readonly record struct ProvisionState(string Value) : IWireString<ProvisionState>
{
    /// <summary><c>enroll</c>: not managed yet.</summary>
    public static ProvisionState Enroll { get; } = new("enroll");
    /// <summary><c>verifying</c> (transient).</summary>
    public static ProvisionState Verifying { get; } = new("verifying");
    /// <summary><c>manageable</c>: managed, not schedulable.</summary>
    public static ProvisionState Manageable { get; } = new("manageable");
    /// <summary><c>inspecting</c> (transient).</summary>
    public static ProvisionState Inspecting { get; } = new("inspecting");
    /// <summary><c>inspect wait</c> (transient).</summary>
    public static ProvisionState InspectWait { get; } = new("inspect wait");
    /// <summary><c>inspect failed</c> (failure).</summary>
    public static ProvisionState InspectFailed { get; } = new("inspect failed");
    /// <summary><c>available</c>: the only schedulable state.</summary>
    public static ProvisionState Available { get; } = new("available");
    /// <summary><c>deploying</c> (transient, target active).</summary>
    public static ProvisionState Deploying { get; } = new("deploying");
    /// <summary><c>wait call-back</c> (transient: waiting for the ramdisk).</summary>
    public static ProvisionState WaitCallBack { get; } = new("wait call-back");
    /// <summary><c>deploy hold</c> (Ironic 2023.2+): only unhold or abort move it.</summary>
    public static ProvisionState DeployHold { get; } = new("deploy hold");
    /// <summary><c>deploy failed</c> (failure).</summary>
    public static ProvisionState DeployFailed { get; } = new("deploy failed");
    /// <summary><c>active</c>: deployed.</summary>
    public static ProvisionState Active { get; } = new("active");
    /// <summary><c>deleting</c> (transient tear-down).</summary>
    public static ProvisionState Deleting { get; } = new("deleting");
    /// <summary><c>cleaning</c> (transient).</summary>
    public static ProvisionState Cleaning { get; } = new("cleaning");
    /// <summary><c>clean wait</c> (transient).</summary>
    public static ProvisionState CleanWait { get; } = new("clean wait");
    /// <summary><c>clean hold</c> (Ironic 2023.2+).</summary>
    public static ProvisionState CleanHold { get; } = new("clean hold");
    /// <summary><c>clean failed</c> (failure: an operator must act).</summary>
    public static ProvisionState CleanFailed { get; } = new("clean failed");
    /// <summary><c>error</c>: tear-down failed.</summary>
    public static ProvisionState Error { get; } = new("error");
    /// <summary><c>rescuing</c> (transient).</summary>
    public static ProvisionState Rescuing { get; } = new("rescuing");
    /// <summary><c>rescue wait</c> (transient).</summary>
    public static ProvisionState RescueWait { get; } = new("rescue wait");
    /// <summary><c>rescue</c>: booted into the rescue ramdisk.</summary>
    public static ProvisionState Rescue { get; } = new("rescue");
    /// <summary><c>rescue failed</c> (failure).</summary>
    public static ProvisionState RescueFailed { get; } = new("rescue failed");
    /// <summary><c>unrescuing</c> (transient).</summary>
    public static ProvisionState Unrescuing { get; } = new("unrescuing");
    /// <summary><c>unrescue failed</c> (failure).</summary>
    public static ProvisionState UnrescueFailed { get; } = new("unrescue failed");
    /// <summary><c>adopting</c> (transient).</summary>
    public static ProvisionState Adopting { get; } = new("adopting");
    /// <summary><c>adopt failed</c> (failure).</summary>
    public static ProvisionState AdoptFailed { get; } = new("adopt failed");
    /// <summary><c>servicing</c> (Ironic 2023.2+, transient).</summary>
    public static ProvisionState Servicing { get; } = new("servicing");
    /// <summary><c>service wait</c> (Ironic 2023.2+, transient).</summary>
    public static ProvisionState ServiceWait { get; } = new("service wait");
    /// <summary><c>service hold</c> (Ironic 2023.2+).</summary>
    public static ProvisionState ServiceHold { get; } = new("service hold");
    /// <summary><c>service failed</c> (Ironic 2023.2+, failure).</summary>
    public static ProvisionState ServiceFailed { get; } = new("service failed");

    /// <summary>True for Ironic's failure states: every "… failed" state, and <c>error</c>.</summary>
    public bool IsFailure => Value is not null && (Value.EndsWith(" failed", StringComparison.Ordinal) || Value == "error");

    /// <summary>True for the states Ironic itself calls stable (no transition runs from them on its own).</summary>
    public bool IsStable => Value is "enroll" or "manageable" or "available" or "active" or "error" or "rescue";

    /// <summary>True for a state this library knows by name; an unknown state is neither stable nor available.</summary>
    public bool IsKnown => KnownValues.Contains(Value);

    private static readonly HashSet<string> KnownValues =
    [
        "enroll", "verifying", "manageable", "inspecting", "inspect wait", "inspect failed", "available", "deploying",
        "wait call-back", "deploy hold", "deploy failed", "active", "deleting", "cleaning", "clean wait", "clean hold",
        "clean failed", "error", "rescuing", "rescue wait", "rescue", "rescue failed", "unrescuing", "unrescue failed",
        "adopting", "adopt failed", "servicing", "service wait", "service hold", "service failed",
    ];

    /// <inheritdoc />
    public static ProvisionState FromWire(string value) => new(value);

    /// <summary>The wire string.</summary>
    public override string ToString() => Value;
}
