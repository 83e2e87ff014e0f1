using BareMetal.Driver.Diagnostics;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver.Settling;

/// <summary>
/// The rule for writes to Ironic: a status code alone never decides whether a write took effect. When a write's
/// outcome is unknown (no answer), it was refused for a passing reason, or it was refused in a way a repeated write
/// would also be, the node is read again to decide; a write that did not take effect is sent again, a bounded number
/// of times.
/// </summary>
internal sealed class WriteSettler(DriverOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>How often a write is sent in all when re-reading shows it did not take effect.</summary>
    private const int MaxAttempts = 5;

    /// <summary>Sends <paramref name="send"/> until it is known to have taken effect, or fails for a reason of its own.</summary>
    /// <param name="what">What the write does, for the log ("reserving", "detaching VIF …").</param>
    /// <param name="node">The node written to.</param>
    /// <param name="send">The write.</param>
    /// <param name="tookEffect">Reads the node and says whether the write is in effect.</param>
    /// <param name="refusalMayHideSuccess">Which refusals a repeated, already applied write would also get.</param>
    /// <param name="cancellationToken">Stops the settling.</param>
    public async Task SettleAsync(string what, NodeId node, Func<CancellationToken, Task> send,
        Func<CancellationToken, Task<bool>> tookEffect,
        Func<BareMetalException, bool> refusalMayHideSuccess, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await send(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BareMetalException e)
                when (attempt < MaxAttempts && (e is IronicTransportException || e.IsTransient || refusalMayHideSuccess(e)))
            {
                logger.WriteUnsettled(what, node, e.GetType().Name, attempt);
                if (await ReadSafelyAsync(tookEffect, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
                await Task.Delay(options.FirstPollDelay * attempt, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A deciding read that itself fails for a passing reason answers "not known to have taken effect".</summary>
    private static async Task<bool> ReadSafelyAsync(Func<CancellationToken, Task<bool>> tookEffect, CancellationToken cancellationToken)
    {
        try
        {
            return await tookEffect(cancellationToken).ConfigureAwait(false);
        }
        catch (BareMetalException e) when (e.IsTransient || e is IronicTransportException)
        {
            return false;
        }
    }
}
