using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BareMetal.Ironic.Diagnostics;

/// <summary>
/// The client's ActivitySource and Meter, both named <c>BareMetal.Ironic</c>. Tags carry the route template, method
/// and status — never ids with secrets, never URLs with query values.
/// </summary>
public static class IronicClientDiagnostics
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string Name = "BareMetal.Ironic";

    internal static readonly ActivitySource ActivitySource = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "baremetal.ironic.requests", unit: "{request}", description: "HTTP attempts sent to Ironic, by route, method and status.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "baremetal.ironic.request.duration", unit: "s", description: "Duration of HTTP attempts to Ironic.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "baremetal.ironic.retries", unit: "{retry}", description: "Retries of refused Ironic requests, by route and reason.");
}
