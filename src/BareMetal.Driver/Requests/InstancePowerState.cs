namespace BareMetal.Driver.Requests;

/// <summary>An instance's power as Nova sees it.</summary>
public enum InstancePowerState
{
    /// <summary>Ironic reports no known power state (Nova's NOSTATE).</summary>
    Unknown,
    /// <summary><c>power on</c>.</summary>
    Running,
    /// <summary><c>power off</c>.</summary>
    Shutdown,
}
