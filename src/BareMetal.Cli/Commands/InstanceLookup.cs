namespace BareMetal.Cli.Commands;

/// <summary>What the instance commands share: a task without a result as one with a result, for progress.</summary>
internal static class InstanceLookup
{
    public static async Task<bool> Done(Task work)
    {
        await work.ConfigureAwait(false);
        return true;
    }
}
