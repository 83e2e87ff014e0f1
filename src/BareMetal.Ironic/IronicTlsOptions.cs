namespace BareMetal.Ironic;

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
