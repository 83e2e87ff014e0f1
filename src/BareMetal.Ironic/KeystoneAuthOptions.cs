namespace BareMetal.Ironic;

/// <summary>Keystone v3 settings: password or application-credential login, and the catalog lookup.</summary>
public sealed class KeystoneAuthOptions
{
    /// <summary>Keystone's v3 URL, e.g. <c>http://127.0.0.1:5000/v3</c>. No default.</summary>
    public Uri? AuthUrl { get; set; }

    /// <summary>User name for password login.</summary>
    public string? Username { get; set; }

    /// <summary>User id for password login (instead of the name).</summary>
    public string? UserId { get; set; }

    /// <summary>Password for password login.</summary>
    public string? Password { get; set; }

    /// <summary>The user's domain name. The default is <c>Default</c>.</summary>
    public string UserDomainName { get; set; } = "Default";

    /// <summary>Project to scope the token to (by name).</summary>
    public string? ProjectName { get; set; }

    /// <summary>Project to scope the token to (by id).</summary>
    public string? ProjectId { get; set; }

    /// <summary>The project's domain name. The default is <c>Default</c>.</summary>
    public string ProjectDomainName { get; set; } = "Default";

    /// <summary>Application credential id (instead of a password).</summary>
    public string? ApplicationCredentialId { get; set; }

    /// <summary>Application credential name (needs the user name or id).</summary>
    public string? ApplicationCredentialName { get; set; }

    /// <summary>Application credential secret.</summary>
    public string? ApplicationCredentialSecret { get; set; }

    /// <summary>Region of the catalog endpoint; null takes the first.</summary>
    public string? Region { get; set; }

    /// <summary>Catalog interface. The default is <c>public</c>.</summary>
    public string Interface { get; set; } = "public";

    /// <summary>Catalog service type. The default is <c>baremetal</c>.</summary>
    public string ServiceType { get; set; } = "baremetal";

    /// <summary>
    /// Refresh the token this long before it expires (at most a quarter of its lifetime, so short tokens are not
    /// refreshed on every call). The default is 120 seconds, as keystoneauth.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(120);
}
