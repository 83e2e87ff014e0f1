namespace BareMetal.Ironic;

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
