using System.Text.Json.Serialization;

namespace BareMetal.Ironic.Models;

/// <summary>The provision verbs the driver sends on <c>PUT /v1/nodes/{id}/states/provision</c>, as exact wire strings.</summary>
[JsonConverter(typeof(WireStringJsonConverter<ProvisionTarget>))]
public readonly record struct ProvisionTarget : IWireString<ProvisionTarget>
{
    private ProvisionTarget(string value) => Value = value;

    /// <summary>The wire string.</summary>
    public string Value { get; }

    /// <summary><c>active</c>: deploy (accepts a config drive).</summary>
    public static ProvisionTarget Active { get; } = new("active");
    /// <summary><c>rebuild</c>: redeploy an active node (config drive needs API 1.35).</summary>
    public static ProvisionTarget Rebuild { get; } = new("rebuild");
    /// <summary><c>deleted</c>: undeploy (tear down, then clean).</summary>
    public static ProvisionTarget Deleted { get; } = new("deleted");
    /// <summary><c>rescue</c> (API 1.38; needs a rescue password).</summary>
    public static ProvisionTarget Rescue { get; } = new("rescue");
    /// <summary><c>unrescue</c> (API 1.38).</summary>
    public static ProvisionTarget Unrescue { get; } = new("unrescue");
    /// <summary><c>manage</c>: enroll → manageable.</summary>
    public static ProvisionTarget Manage { get; } = new("manage");
    /// <summary><c>provide</c>: manageable → available.</summary>
    public static ProvisionTarget Provide { get; } = new("provide");
    /// <summary><c>abort</c>: stop a running transition where Ironic allows it.</summary>
    public static ProvisionTarget Abort { get; } = new("abort");
    /// <summary><c>unhold</c> (API 1.85): leave <c>deploy hold</c>/<c>clean hold</c>.</summary>
    public static ProvisionTarget Unhold { get; } = new("unhold");

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Not a verb this client sends.</exception>
    public static ProvisionTarget FromWire(string value) => value switch
    {
        "active" => Active,
        "rebuild" => Rebuild,
        "deleted" => Deleted,
        "rescue" => Rescue,
        "unrescue" => Unrescue,
        "manage" => Manage,
        "provide" => Provide,
        "abort" => Abort,
        "unhold" => Unhold,
        _ => throw new ArgumentException($"'{value}' is not a provision verb this client sends.", nameof(value)),
    };

    /// <summary>The wire string.</summary>
    public override string ToString() => Value;
}
