using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>Another instance holds the node (Ironic answered 409): the scheduler should pick another node.</summary>
public sealed class NodeTakenException(NodeId nodeId, InstanceId instanceId, InstanceId? owner, Exception? innerException = null)
    : InstanceOperationException($"Node {nodeId} is held by {(owner is null ? "another instance" : $"instance {owner}")}; instance " +
        $"{instanceId} cannot have it.", nodeId, instanceId, null, innerException)
{
    /// <summary>The instance that holds the node, when known.</summary>
    public InstanceId? Owner { get; } = owner;

    /// <inheritdoc />
    public override bool AnotherNodeMayHelp => true;
}
