using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.Resources;

/// <summary>No refresh has succeeded yet: there is no snapshot to read (Nova's VirtDriverNotReady).</summary>
public sealed class ResourceCacheNotReadyException(Exception? lastError)
    : BareMetalException("The node resource cache has no snapshot yet" + (lastError is null ? "." : $": the last refresh failed ({lastError.GetType().Name})."), nodeId: null, lastError);

/// <summary>The partitioning configured needs a newer Ironic API than the server offers; failing closed instead of managing every node.</summary>
public sealed class PartitioningUnsupportedException(string message) : BareMetalException(message, nodeId: null);
