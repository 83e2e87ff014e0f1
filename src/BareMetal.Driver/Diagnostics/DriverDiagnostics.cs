using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Diagnostics;

/// <summary>
/// The driver's ActivitySource and Meter, both named <c>BareMetal.Driver</c>: a span per operation (instance and node
/// ids as tags), and per operation and outcome its duration and the Ironic calls it made.
/// </summary>
public static class DriverDiagnostics
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string Name = "BareMetal.Driver";

    internal static readonly ActivitySource ActivitySource = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "baremetal.driver.operation.duration", unit: "s", description: "Duration of driver operations, by operation and outcome.");

    internal static readonly Histogram<long> IronicCalls = Meter.CreateHistogram<long>(
        "baremetal.driver.operation.ironic_calls", unit: "{call}", description: "HTTP requests to Ironic made by one driver operation, " +
            "retries included.");

    // Each operation counts the client's own request measurements made within its async flow.
    private static readonly AsyncLocal<StrongBox<long>?> CallsInFlow = new();
    private static readonly MeterListener Listener = StartCounting();

    private static MeterListener StartCounting()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Ironic.Diagnostics.IronicClientDiagnostics.Name
                    && instrument.Name == "baremetal.ironic.requests")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (CallsInFlow.Value is { } box) { Interlocked.Add(ref box.Value, value); }
        });
        listener.Start();
        return listener;
    }

    /// <summary>Runs one driver operation inside its span, recording its duration, outcome and Ironic calls.</summary>
    internal static async Task<T> TraceAsync<T>(string operation, TimeProvider time, InstanceId? instance, NodeId? node, Func<Task<T>> run)
    {
        GC.KeepAlive(Listener);
        using Activity? activity = ActivitySource.StartActivity($"baremetal.driver.{operation}");
        activity?.SetTag("baremetal.instance_id", instance?.ToString());
        activity?.SetTag("baremetal.node_id", node?.ToString());
        var calls = new StrongBox<long>();
        CallsInFlow.Value = calls;
        long started = time.GetTimestamp();
        string outcome = "failure";
        try
        {
            T result = await run().ConfigureAwait(false);
            outcome = "success";
            return result;
        }
        catch (BareMetalException e)
        {
            outcome = e.GetType().Name;
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            if (outcome != "success") { activity?.SetStatus(ActivityStatusCode.Error, outcome); }
            var tags = new TagList { { "operation", operation }, { "outcome", outcome } };
            Duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
            IronicCalls.Record(Interlocked.Read(ref calls.Value), tags);
            activity?.SetTag("baremetal.ironic_calls", Interlocked.Read(ref calls.Value));
        }
    }
}
