using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>
/// A driver operation on an instance failed. Carries the node, the instance, Ironic's <c>last_error</c> when it gave
/// one, and, when the failure was followed by a cleanup that itself failed, that cleanup failure (which never replaces
/// the original error).
/// </summary>
public abstract class InstanceOperationException : BareMetalException
{
    /// <summary>Creates the exception.</summary>
    protected InstanceOperationException(string message, NodeId? nodeId, InstanceId? instanceId, string? lastError = null, Exception? innerException = null)
        : base(message, nodeId, innerException)
    {
        InstanceId = instanceId;
        LastError = lastError;
    }

    /// <summary>The instance concerned.</summary>
    public InstanceId? InstanceId { get; }

    /// <summary>Ironic's <c>last_error</c> on the node, if it had one.</summary>
    public string? LastError { get; internal set; }

    /// <summary>The error of the cleanup that ran after this failure, if the cleanup failed too.</summary>
    public Exception? CleanupFailure { get; internal set; }
}

/// <summary>The request was invalid; nothing was sent to Ironic.</summary>
public sealed class InvalidDriverRequestException(string message, IReadOnlyList<string> problems) : BareMetalException(message, nodeId: null)
{
    /// <summary>Each problem found, e.g. <c>Instance: must not be empty</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The node cannot take an instance: not available, in maintenance, or powered into an unknown state.</summary>
public sealed class NodeUnavailableException(string message, NodeId nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId);

/// <summary>Another instance holds the node (Ironic answered 409): the scheduler should pick another node.</summary>
public sealed class NodeTakenException(NodeId nodeId, InstanceId instanceId, InstanceId? owner, Exception? innerException = null)
    : InstanceOperationException($"Node {nodeId} is held by {(owner is null ? "another instance" : $"instance {owner}")}; instance {instanceId} cannot have it.", nodeId, instanceId, null, innerException)
{
    /// <summary>The instance that holds the node, when known.</summary>
    public InstanceId? Owner { get; } = owner;
}

/// <summary>No node holds the instance (it was never spawned, or its node is gone).</summary>
public sealed class InstanceNotFoundException(InstanceId instanceId, NodeId? nodeId = null)
    : InstanceOperationException($"No node holds instance {instanceId}.", nodeId, instanceId);

/// <summary>Ironic's validation of the node's deploy, power or storage interface failed.</summary>
public sealed class NodeValidationFailedException(string message, NodeId nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId);

/// <summary>The deploy (or rebuild) failed: the node reached <c>deploy failed</c>, or a step of spawn failed.</summary>
public sealed class SpawnFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError, Exception? innerException)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);

/// <summary>Tear-down did not leave the node free.</summary>
public sealed class DestroyFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError, Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);

/// <summary>A wait passed its deadline with the node still not where it should be.</summary>
public sealed class WaitTimedOutException(string message, NodeId nodeId, InstanceId? instanceId, string? lastError)
    : InstanceOperationException(message, nodeId, instanceId, lastError);

/// <summary>A power action failed, or ended in another state than asked.</summary>
public sealed class PowerActionFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError, Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);

/// <summary>Rescue or unrescue failed.</summary>
public sealed class RescueFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError, Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException);
