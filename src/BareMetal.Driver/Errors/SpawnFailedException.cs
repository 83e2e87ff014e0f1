using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>The deploy (or rebuild) failed: the node reached <c>deploy failed</c>, or a step of spawn failed.</summary>
public sealed class SpawnFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError, Exception? innerException)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException)
{
    /// <summary>True unless Ironic refused the request itself (bad request, credentials, microversion, config drive).</summary>
    public override bool AnotherNodeMayHelp => !IsAboutTheRequest(InnerException);
}
