namespace BareMetal.Driver.Resources;

/// <summary>Which part of the fleet this service manages, and how.</summary>
public sealed class ResourceCacheOptions
{
    /// <summary>This service's host name on the hash ring (lower-cased). No default when <see cref="Peers"/> is set.</summary>
    public string Host { get; set; } = "";

    /// <summary>
    /// The other services sharing the fleet; nodes without an instance are split among them and <see cref="Host"/> as
    /// Nova's ring does. Empty: this service takes every node.
    /// </summary>
    public IList<string> Peers { get; } = [];

    /// <summary>Only nodes of this conductor group (API 1.46); null for all.</summary>
    public string? ConductorGroup { get; set; }

    /// <summary>Only nodes of this shard (API 1.82); null for all.</summary>
    public string? Shard { get; set; }
}
