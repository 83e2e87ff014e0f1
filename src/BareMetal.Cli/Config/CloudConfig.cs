namespace BareMetal.Cli.Config;

/// <summary>One cloud of clouds.yaml (merged with secure.yaml), as far as the baremetal service needs it.</summary>
internal sealed record CloudConfig
{
    public string? AuthType { get; init; }
    public Uri? AuthUrl { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? ProjectName { get; init; }
    public string? UserDomainName { get; init; }
    public string? ProjectDomainName { get; init; }
    public string? ApplicationCredentialId { get; init; }
    public string? ApplicationCredentialSecret { get; init; }
    public string? RegionName { get; init; }
    public Uri? BaremetalEndpoint { get; init; }
}
