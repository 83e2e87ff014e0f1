namespace BareMetal.Driver.Resources;

/// <summary>
/// The compute services alive now among those sharing the fleet (Nova's service group). Asked once per refresh: the
/// hash ring is rebuilt whenever the answer changes, so a dead peer's free nodes are taken over at the next refresh.
/// Without a registration, the members are <see cref="ResourceCacheOptions.Host"/> and its
/// <see cref="ResourceCacheOptions.Peers"/>, always.
/// </summary>
public interface IComputeMembership
{
    /// <summary>The host names of the live services, this one included.</summary>
    Task<IReadOnlyCollection<string>> GetLiveHostsAsync(CancellationToken cancellationToken);
}
