using BareMetal.Ironic.Errors;

namespace BareMetal.Driver.Errors;

/// <summary>No refresh has succeeded yet: there is no snapshot to read (Nova's VirtDriverNotReady).</summary>
public sealed class ResourceCacheNotReadyException(Exception? lastError)
    : BareMetalException("The node resource cache has no snapshot yet" + (lastError is null ? "." : $": the last refresh failed " +
        $"({lastError.GetType().Name})."), nodeId: null, lastError);
