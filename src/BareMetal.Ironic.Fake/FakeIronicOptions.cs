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

/// <summary>http_basic credentials the fake accepts.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record FakeBasicAuth(string Username, string Password)
{
    /// <summary>Hides the password.</summary>
    public override string ToString() => $"{Username}:***";
}

/// <summary>
/// Durations of the transient states, measured on the fake's <see cref="TimeProvider"/>. A zero duration skips the
/// state; <see cref="Timeout.InfiniteTimeSpan"/> holds the node there until a test calls <see cref="FakeIronic.Step"/>.
/// </summary>
public sealed class FakeIronicTimings
{
    /// <summary><c>deploying</c> with the node locked (also rebuild). The default is 2 seconds.</summary>
    public TimeSpan Deploying { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>wait call-back</c> after deploying, unlocked, as with an agent deploy. The default is zero (fake-hardware
    /// skips it).
    /// </summary>
    public TimeSpan WaitCallBack { get; set; } = TimeSpan.Zero;

    /// <summary><c>deleting</c> with the node locked. The default is 1 second.</summary>
    public TimeSpan Deleting { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>cleaning</c> with the node locked (undeploy and provide, when automated cleaning is on). The default is 1
    /// second.
    /// </summary>
    public TimeSpan Cleaning { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>rescuing</c> and <c>unrescuing</c> with the node locked. The default is 1 second.</summary>
    public TimeSpan Rescuing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>verifying</c> and <c>inspecting</c>. The default is 0.5 seconds.</summary>
    public TimeSpan Verifying { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A power action, with <c>target_power_state</c> set and the node locked. The default is 0.5 seconds.</summary>
    public TimeSpan Power { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Enabling or disabling the console. The default is 0.2 seconds.</summary>
    public TimeSpan Console { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Every transition completes at once: the node is never seen in a transient state.</summary>
    public static FakeIronicTimings Instant => new()
    {
        Deploying = TimeSpan.Zero, Deleting = TimeSpan.Zero, Cleaning = TimeSpan.Zero, Rescuing = TimeSpan.Zero,
        Verifying = TimeSpan.Zero, Power = TimeSpan.Zero, Console = TimeSpan.Zero,
    };
}
