namespace BareMetal.Driver;

/// <summary>The driver's settings, validated at startup.</summary>
public sealed class DriverOptions
{
    /// <summary>This compute service's host name, written to instance_info <c>nova_host_id</c>. No default.</summary>
    public string ComputeHost { get; set; } = "";

    /// <summary>
    /// The first node check after a request; later checks back off towards <see cref="PollInterval"/>. The default is
    /// 0.1 s.
    /// </summary>
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between two node checks. The default is 2 s (Nova's <c>api_retry_interval</c>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a deploy or rebuild may take to reach active. The default is 30 minutes (Ironic's call-back timeout).</summary>
    public TimeSpan DeployTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a tear-down may take to free the node. The default is 15 minutes.</summary>
    public TimeSpan UndeployTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a power action may take. The default is 5 minutes.</summary>
    public TimeSpan PowerTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a soft power off may take before the driver powers off hard. The default is 60 s.</summary>
    public TimeSpan SoftPowerOffTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long enabling or disabling a console may take. The default is 60 s.</summary>
    public TimeSpan ConsoleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long rescue or unrescue may take. The default is 15 minutes.</summary>
    public TimeSpan RescueTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
