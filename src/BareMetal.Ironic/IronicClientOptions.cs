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

    /// <summary>The waiters' first read after they start (<see cref="Waiting.INodeWaiter"/>); the pause then doubles.</summary>
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The waiters' longest pause between reads.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
