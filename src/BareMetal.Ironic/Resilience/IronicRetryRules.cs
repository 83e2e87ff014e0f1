using BareMetal.Ironic.Diagnostics;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Transport;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BareMetal.Ironic.Resilience;

/// <summary>
/// The retry strategy of the Ironic HTTP client's resilience handler, on the injected clock. Bounded by count
/// (<see cref="IronicClientOptions.MaxRetries"/>) and by time (<see cref="IronicClientOptions.RetryBudget"/>), with
/// jittered exponential backoff and a capped <c>Retry-After</c>. Each outcome is judged as the exception the client
/// would raise for it, so the rules read as they always have. The caller's cancellation is never retried.
/// </summary>
internal static class IronicRetryRules
{
    /// <summary>Adds the retry strategy, unless retries are off.</summary>
    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IronicClientOptions options, TimeProvider time,
        ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return;
        }
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "ironic-retry",
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            ShouldHandle = async args => await FailureOf(args.Outcome, time).ConfigureAwait(false) is { } failure
                && Retryable(failure, args.Context.GetRequestMessage()) && WithinBudget(args.Context, options, time),
            DelayGenerator = args => ValueTask.FromResult(
                IronicResponses.RetryAfterOf(args.Outcome.Result?.Headers, time) is { } retryAfter
                    ? (TimeSpan?)(retryAfter < options.RetryMaxDelay ? retryAfter : options.RetryMaxDelay)
                    : null),
            OnRetry = async args =>
            {
                HttpRequestMessage? request = args.Context.GetRequestMessage();
                string route = request is null ? "unknown" : IronicAttemptHandler.RouteOf(request);
                string method = request?.Method.Method ?? "unknown";
                string reason = (await FailureOf(args.Outcome, time).ConfigureAwait(false))?.GetType().Name ?? "unknown";
                IronicClientDiagnostics.Retries.Add(1, new("route", route), new("method", method), new("reason", reason));
                logger.Retrying(method, route, (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, reason);
            },
        });
    }

    /// <summary>The exception an outcome stands for: the attempt's own, or Ironic's error status mapped as the client maps it.</summary>
    private static async ValueTask<BareMetalException?> FailureOf(Outcome<HttpResponseMessage> outcome, TimeProvider time)
    {
        if (outcome.Exception is BareMetalException failure)
        {
            return failure;
        }
        if (outcome.Result is not { IsSuccessStatusCode: false } response)
        {
            return null;
        }
        // The attempt handler has buffered the body, within its cap.
        byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return IronicErrorMapper.Create(response.StatusCode, IronicErrorBody.ReadMessage(body), null, null,
            IronicResponses.RetryAfterOf(response.Headers, time));
    }

    private static bool Retryable(BareMetalException failure, HttpRequestMessage? request) =>
        request?.Method == HttpMethod.Get
            // GETs change nothing, so any failure to get an answer may be repeated, as may Ironic's own refusals; a whole
            // answer of the wrong shape is not a failure to get one.
            ? failure is IronicTransportException and not IronicResponseFormatException { Truncated: false } || failure.IsTransient
            // Writes: only what Ironic refused before acting (409 locked, 503, no conductor, connection never made).
            // A write whose answer was lost is MayHaveBeenApplied, hence not transient: the caller re-reads instead.
            : failure.IsTransient;

    private static bool WithinBudget(ResilienceContext context, IronicClientOptions options, TimeProvider time) =>
        context.GetRequestMessage()?.Options.TryGetValue(IronicAttemptHandler.StartedAt, out long startedAt) != true
        || time.GetElapsedTime(startedAt) < options.RetryBudget;
}
