using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.Errors;

/// <summary>
/// The partitioning configured needs a newer Ironic API than the server offers; failing closed instead of managing
/// every node.
/// </summary>
public sealed class PartitioningUnsupportedException(string message) : BareMetalException(message, nodeId: null);
