namespace BareMetal.Ironic;

/// <summary>Settings of the Ironic client, validated once at startup.</summary>
public sealed class IronicClientOptions
{
    /// <summary>
    /// Ironic's base URL, e.g. <c>http://127.0.0.1:6385</c> (a trailing <c>/v1</c> is accepted). Null takes the
    /// <c>baremetal</c> endpoint from the Keystone catalog. Must not carry credentials. No default.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>How to authenticate. The default is no authentication (<c>auth_strategy = noauth</c>).</summary>
    public IronicAuthOptions Auth { get; set; } = new();

    /// <summary>TLS settings. Certificate verification is on by default.</summary>
    public IronicTlsOptions Tls { get; set; } = new();

    /// <summary>The lowest microversion this client accepts. The default is 1.38 (rescue), Nova's floor.</summary>
    public string MinimumApiVersion { get; set; } = "1.38";

    /// <summary>The highest microversion this client asks for. The default is 1.82 (shards), the newest it was tested against.</summary>
    public string MaximumApiVersion { get; set; } = "1.82";

    /// <summary>
    /// Deadline of one HTTP attempt. The default is 30 seconds; Ironic itself holds a request to a locked node for
    /// about 3 seconds before it answers 409.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a refused request (503, 409 locked, no conductor, connection refused) is retried. The default is
    /// 5; 0 disables retries.
    /// </summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay, doubled with jitter after each attempt. The default is 0.5 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single retry delay, also the cap on a server's <c>Retry-After</c>. The default is 15 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>No retry starts once this much time has passed since the first attempt. The default is 60 seconds.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Nodes per page when listing (<c>limit</c>). The default is 1000, Ironic's default maximum.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The largest response body read, in bytes. The default is 64 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most items one listing reads across all its pages before it is refused. The default is 250,000.</summary>
    public int MaxListItems { get; set; } = 250_000;

    /// <summary>The longest one listing may take across all its pages. The default is 10 minutes.</summary>
    public TimeSpan ListTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>How the client authenticates to Ironic.</summary>
public enum IronicAuthType
{
    /// <summary>No credentials (<c>auth_strategy = noauth</c>).</summary>
    None,
    /// <summary>HTTP basic (<c>auth_strategy = http_basic</c>).</summary>
    HttpBasic,
    /// <summary>A Keystone v3 token in <c>X-Auth-Token</c>.</summary>
    Keystone,
}

/// <summary>Authentication settings.</summary>
public sealed class IronicAuthOptions
{
    /// <summary>The kind of authentication. The default is <see cref="IronicAuthType.None"/>.</summary>
    public IronicAuthType Type { get; set; } = IronicAuthType.None;

    /// <summary>The http_basic user name.</summary>
    public string? Username { get; set; }

    /// <summary>The http_basic password.</summary>
    public string? Password { get; set; }

    /// <summary>Keystone settings, used with <see cref="IronicAuthType.Keystone"/>.</summary>
    public KeystoneAuthOptions Keystone { get; set; } = new();
}

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

/// <summary>TLS settings for Ironic and Keystone connections.</summary>
public sealed class IronicTlsOptions
{
    /// <summary>A PEM file of CA certificates to trust instead of the system store.</summary>
    public string? CaBundlePath { get; set; }

    /// <summary>A PEM client certificate.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM private key of the client certificate (when not inside the certificate file).</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>Skip server certificate verification. The default is false; never use it in production.</summary>
    public bool Insecure { get; set; }
}
