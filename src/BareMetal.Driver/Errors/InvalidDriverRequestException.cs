using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.Errors;

/// <summary>The request was invalid; nothing was sent to Ironic.</summary>
public sealed class InvalidDriverRequestException(string message, IReadOnlyList<string> problems)
    : BareMetalException(message, nodeId: null)
{
    /// <summary>Each problem found, e.g. <c>Instance: must not be empty</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
