using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Resources;

/// <summary>
/// The instances this compute service owns (Nova's database). Read after the node list, never before (ironic-reference
/// §5.2).
/// </summary>
public interface IOwnedInstances
{
    /// <summary>The instance ids this service owns now.</summary>
    Task<IReadOnlySet<InstanceId>> GetAsync(CancellationToken cancellationToken);
}
