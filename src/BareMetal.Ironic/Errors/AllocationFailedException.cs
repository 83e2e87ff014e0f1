using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Ironic.Errors;

/// <summary>Ironic could not fill an allocation: no available node matched its resource class, traits and candidates.</summary>
public sealed class AllocationFailedException(AllocationId allocationId, string? lastError)
    : BareMetalException($"Allocation {allocationId} failed: {Shown(lastError) ?? "no reason given"}", null, null)
{
    /// <summary>The allocation.</summary>
    public AllocationId AllocationId { get; } = allocationId;

    /// <summary>Ironic's <c>last_error</c>, cut and redacted.</summary>
    public string? LastError { get; } = Shown(lastError);

    private static string? Shown(string? lastError) => lastError is null ? null : SensitiveData.RedactText(lastError);
}
