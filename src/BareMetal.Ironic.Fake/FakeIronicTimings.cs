namespace BareMetal.Ironic.Fake;

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
