using BareMetal.Ironic.Errors;
using BareMetal.Ironic.Logging;
using BareMetal.Ironic.Primitives;

namespace BareMetal.Driver.Errors;

/// <summary>
/// A driver operation on an instance failed. Carries the node, the instance, Ironic's <c>last_error</c> when it gave
/// one, and, when the failure was followed by a cleanup that itself failed, that cleanup failure (which never replaces
/// the original error).
/// </summary>
public abstract class InstanceOperationException : BareMetalException
{
    private string? _lastError;

    /// <summary>Creates the exception.</summary>
    protected InstanceOperationException(string message, NodeId? nodeId, InstanceId? instanceId, string? lastError = null,
        Exception? innerException = null)
        : base(message, nodeId, innerException)
    {
        InstanceId = instanceId;
        LastError = lastError;
    }

    /// <summary>The instance concerned.</summary>
    public InstanceId? InstanceId { get; }

    /// <summary>
    /// Ironic's <c>last_error</c> on the node, if it had one: server text, so cut and redacted as it is set (a BMC URL
    /// in it may carry credentials).
    /// </summary>
    public string? LastError
    {
        get => _lastError;
        internal set => _lastError = value is null ? null : SensitiveData.RedactText(value);
    }

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
        ConfigDriveException or InvalidDriverRequestException => true,
        _ => false,
    };
}
