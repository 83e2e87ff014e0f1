namespace BareMetal.Driver.Requests;

/// <summary>
/// Who owns the instance, written to instance_info for Ironic-side auditing as Nova master does (with the flavor's
/// name, and the instance's fixed IPs taken from its VIFs).
/// </summary>
public sealed record InstanceOwner
{
    /// <summary><c>project_id</c>.</summary>
    public required string ProjectId { get; init; }
    /// <summary><c>project_name</c>.</summary>
    public string? ProjectName { get; init; }
    /// <summary><c>user_id</c>.</summary>
    public required string UserId { get; init; }
    /// <summary><c>user_name</c>.</summary>
    public string? UserName { get; init; }
    /// <summary><c>floating_ips</c>: the addresses the instance is reachable at from outside.</summary>
    public IReadOnlyList<string> FloatingIps { get; init; } = [];
}
