using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>Ironic's validation of the node's deploy, power or storage interface failed.</summary>
public sealed class NodeValidationFailedException(string message, NodeId nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId)
{
    /// <inheritdoc />
    public override bool AnotherNodeMayHelp => true;
}
