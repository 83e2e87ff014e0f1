using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>The node cannot take an instance: not available, in maintenance, or powered into an unknown state.</summary>
public sealed class NodeUnavailableException(string message, NodeId nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId)
{
    /// <inheritdoc />
    public override bool AnotherNodeMayHelp => true;
}
