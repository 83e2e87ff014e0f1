using BareMetal.Ironic.Primitives;

namespace BareMetal.Cli.Commands;

/// <summary>What the instance commands share: the node of an instance (for progress), and a task as one with a result.</summary>
internal static class InstanceLookup
{
    /// <summary>The node holding the instance, for progress only: none when it cannot be read.</summary>
    public static async Task<NodeId?> NodeOfAsync(CliSession s, InstanceId instance, CancellationToken cancellationToken)
    {
        try { return (await s.Driver.GetInfoAsync(instance, cancellationToken).ConfigureAwait(false)).Node; }
        catch (Ironic.Errors.BareMetalException) { return null; }
    }

    public static async Task<bool> Done(Task work)
    {
        await work.ConfigureAwait(false);
        return true;
    }
}
