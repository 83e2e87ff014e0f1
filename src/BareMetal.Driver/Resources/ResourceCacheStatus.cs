namespace BareMetal.Driver.Resources;

/// <summary>How the last refreshes went: whether the snapshot is stale, since when, and why.</summary>
/// <param name="Stale">True when the latest refresh failed and readers see an older snapshot.</param>
/// <param name="Age">How old the snapshot readers see is.</param>
/// <param name="LastError">The error of the latest failed refresh, if the latest failed.</param>
public sealed record ResourceCacheStatus(bool Stale, TimeSpan Age, Exception? LastError);
