using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>
/// A rebuild of an instance that boots from a volume, or a request to reimage its boot volume: Ironic cannot rebuild
/// one (Nova refuses the same). Nothing was written.
/// </summary>
public sealed class VolumeRebuildUnsupportedException(string message, NodeId? nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId);
