namespace BareMetal.Ironic.Models;

/// <summary>The body of <c>GET /v1/nodes/{id}/states</c>.</summary>
public sealed record NodeStates
{
    /// <summary><c>power_state</c>.</summary>
    public PowerState? PowerState { get; init; }
    /// <summary><c>target_power_state</c>.</summary>
    public PowerState? TargetPowerState { get; init; }
    /// <summary><c>provision_state</c>.</summary>
    public ProvisionState? ProvisionState { get; init; }
    /// <summary><c>target_provision_state</c>.</summary>
    public ProvisionState? TargetProvisionState { get; init; }
    /// <summary><c>provision_updated_at</c>.</summary>
    public DateTimeOffset? ProvisionUpdatedAt { get; init; }
    /// <summary><c>last_error</c>.</summary>
    public string? LastError { get; init; }
    /// <summary><c>console_enabled</c>.</summary>
    public bool? ConsoleEnabled { get; init; }
}
