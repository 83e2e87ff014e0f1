using BareMetal.Ironic.Diagnostics;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BareMetal.Ironic.Resilience;

/// <summary>
/// One retry pipeline per concern, built once, on the injected clock. Both are bounded by count
/// (<see cref="IronicClientOptions.MaxRetries"/>) and by time (<see cref="IronicClientOptions.RetryBudget"/>), use
/// jittered exponential backoff and honour <c>Retry-After</c>. The caller's cancellation is never retried.
/// </summary>
internal sealed class IronicResiliencePipelines
{
    /// <summary>When the first attempt of a call started (a TimeProvider timestamp), for the time budget.</summary>
    internal static readonly ResiliencePropertyKey<long> StartedAt = new("baremetal.started-at");
    /// <summary>The route template of the call, for logs and metrics.</summary>
    internal static readonly ResiliencePropertyKey<string> Route = new("baremetal.route");
    /// <summary>The HTTP method of the call.</summary>
    internal static readonly ResiliencePropertyKey<string> Method = new("baremetal.method");

    private readonly IronicClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public IronicResiliencePipelines(IOptions<IronicClientOptions> options, TimeProvider time, ILogger<IronicResiliencePipelines> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        // GETs change nothing, so any failure to get an answer may be repeated, as may Ironic's own refusals; a whole
        // answer of the wrong shape is not a failure to get one.
        Read = Build("ironic-read", static e => e is IronicTransportException and not IronicResponseFormatException { Truncated: false }
            || e.IsTransient);
        // Writes: only what Ironic refused before acting (409 locked, 503, no conductor, connection never made).
        // A write whose answer was lost is MayHaveBeenApplied, hence not transient: the caller re-reads instead.
        Write = Build("ironic-write", static e => e.IsTransient);
    }

    /// <summary>For GET requests.</summary>
    public ResiliencePipeline Read { get; }

    /// <summary>For PATCH, PUT, POST and DELETE requests.</summary>
    public ResiliencePipeline Write { get; }

    private ResiliencePipeline Build(string name, Func<BareMetalException, bool> retryable)
    {
        var builder = new ResiliencePipelineBuilder { Name = name, TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = name,
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is BareMetalException error && retryable(error) && WithinBudget(args.Context)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is IronicApiException { RetryAfter: { } retryAfter }
                        ? (TimeSpan?)(retryAfter < _options.RetryMaxDelay ? retryAfter : _options.RetryMaxDelay)
                        : null),
                OnRetry = args =>
                {
                    string route = args.Context.Properties.GetValue(Route, "unknown");
                    string method = args.Context.Properties.GetValue(Method, "unknown");
                    string reason = args.Outcome.Exception?.GetType().Name ?? "unknown";
                    IronicClientDiagnostics.Retries.Add(1, new("route", route), new("method", method), new("reason", reason));
                    _logger.Retrying(method, route, (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, reason);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    private bool WithinBudget(ResilienceContext context) =>
        !context.Properties.TryGetValue(StartedAt, out long startedAt) || _time.GetElapsedTime(startedAt) < _options.RetryBudget;
}
