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

    /// <summary>
    /// Whether the scheduler may try the instance on another node (Nova's reschedule) rather than fail the build (its
    /// abort): true when the trouble lies with this node (taken, unavailable, failing validation or the deploy), false
    /// when it lies with the request, its image or the service, which would fail on any node the same way. Failures that
    /// are not an <see cref="InstanceOperationException"/> (<see cref="InvalidDriverRequestException"/>, a config drive
    /// or microversion refusal) are never worth a reschedule.
    /// </summary>
    public virtual bool AnotherNodeMayHelp => false;

    /// <summary>Whether <paramref name="cause"/> is about the request or the service rather than one node.</summary>
    private protected static bool IsAboutTheRequest(Exception? cause) => cause switch
    {
        InvalidStateTransitionException or NodeLockedException or NoConductorException => false,
        IronicBadRequestException or IronicAuthenticationException or IronicForbiddenException => true,
        UnsupportedMicroversionException or KeystoneAuthenticationException => true,
        ConfigDrive.ConfigDriveException or InvalidDriverRequestException => true,
        _ => false,
    };
}

/// <summary>The request was invalid; nothing was sent to Ironic.</summary>
public sealed class InvalidDriverRequestException(string message, IReadOnlyList<string> problems) : BareMetalException(message, nodeId: null)
{
    /// <summary>Each problem found, e.g. <c>Instance: must not be empty</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The node cannot take an instance: not available, in maintenance, or powered into an unknown state.</summary>
public sealed class NodeUnavailableException(string message, NodeId nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId)
{
    /// <inheritdoc />
    public override bool AnotherNodeMayHelp => true;
}

/// <summary>Another instance holds the node (Ironic answered 409): the scheduler should pick another node.</summary>
public sealed class NodeTakenException(NodeId nodeId, InstanceId instanceId, InstanceId? owner, Exception? innerException = null)
    : InstanceOperationException($"Node {nodeId} is held by {(owner is null ? "another instance" : $"instance {owner}")}; instance {instanceId} cannot have it.", nodeId, instanceId, null, innerException)
{
    /// <summary>The instance that holds the node, when known.</summary>
    public InstanceId? Owner { get; } = owner;

    /// <inheritdoc />
    public override bool AnotherNodeMayHelp => true;
}

/// <summary>No node holds the instance (it was never spawned, or its node is gone).</summary>
public sealed class InstanceNotFoundException(InstanceId instanceId, NodeId? nodeId = null)
    : InstanceOperationException($"No node holds instance {instanceId}.", nodeId, instanceId);

/// <summary>Ironic's validation of the node's deploy, power or storage interface failed.</summary>
public sealed class NodeValidationFailedException(string message, NodeId nodeId, InstanceId instanceId)
    : InstanceOperationException(message, nodeId, instanceId)
{
    /// <inheritdoc />
    public override bool AnotherNodeMayHelp => true;
}

/// <summary>The deploy (or rebuild) failed: the node reached <c>deploy failed</c>, or a step of spawn failed.</summary>
public sealed class SpawnFailedException(string message, NodeId nodeId, InstanceId instanceId, string? lastError, Exception? innerException)
    : InstanceOperationException(message, nodeId, instanceId, lastError, innerException)
{
    /// <summary>True unless Ironic refused the request itself (bad request, credentials, microversion, config drive).</summary>
    public override bool AnotherNodeMayHelp => !IsAboutTheRequest(InnerException);
}

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

/// <summary>
/// The crash dump (a non-maskable interrupt to the instance's node) was refused: the node's management interface
/// cannot inject one, or Ironic is older than API 1.29.
/// </summary>
public sealed class CrashDumpFailedException(string message, NodeId nodeId, InstanceId instanceId, Exception? innerException = null)
    : InstanceOperationException(message, nodeId, instanceId, null, innerException);
