namespace BareMetal.Ironic.Fake;

/// <summary>How a <see cref="FakeIronic"/> behaves. The defaults mirror the standalone Ironic 21.4 in <c>eng/ironic</c>.</summary>
public sealed class FakeIronicOptions
{
    /// <summary>The lowest microversion served. The default is 1.1.</summary>
    public string MinimumApiVersion { get; set; } = "1.1";

    /// <summary>The highest microversion served. The default is 1.82, Ironic 21.4's maximum.</summary>
    public string MaximumApiVersion { get; set; } = "1.82";

    /// <summary>
    /// The conductor's host name: it appears in <c>reservation</c>, <c>conductor</c> and NodeLocked messages. The
    /// default is <c>ironic-local</c>.
    /// </summary>
    public string ConductorName { get; set; } = "ironic-local";

    /// <summary>The one conductor group served; nodes in any other group get 400 NoValidHost. The default is the empty group.</summary>
    public string ConductorGroup { get; set; } = "";

    /// <summary>Credentials for http_basic; null (the default) serves without authentication (noauth).</summary>
    public FakeBasicAuth? BasicAuth { get; set; }

    /// <summary>
    /// Whether undeploy and provide pass through <c>cleaning</c>. The default is true, as Ironic's
    /// <c>automated_clean</c>.
    /// </summary>
    public bool AutomatedClean { get; set; } = true;

    /// <summary>How long each transient state lasts on the fake's clock.</summary>
    public FakeIronicTimings Timings { get; set; } = new();

    /// <summary>
    /// The base URL used in links, <c>next</c> and <c>Location</c> when the request does not name a host. The default
    /// is <c>http://127.0.0.1:6385</c>.
    /// </summary>
    public Uri PublicUrl { get; set; } = new("http://127.0.0.1:6385");
}
