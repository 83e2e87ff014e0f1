namespace BareMetal.Ironic;

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
