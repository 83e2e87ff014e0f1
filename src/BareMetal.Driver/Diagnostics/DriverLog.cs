using BareMetal.Ironic.Primitives;
using Microsoft.Extensions.Logging;

namespace BareMetal.Driver.Diagnostics;

/// <summary>The driver's log messages, in one place. EventIds 2000–2099 are a contract: never renumber.</summary>
internal static partial class DriverLog
{
    [LoggerMessage(EventId = 2001, EventName = "PollReadFailed", Level = LogLevel.Information,
        Message = "Reading node {Node} while waiting to {What} failed ({Error}); polling on")]
    public static partial void PollReadFailed(this ILogger logger, NodeId node, string what, string error);

    [LoggerMessage(EventId = 2002, EventName = "WriteUnsettled", Level = LogLevel.Information,
        Message = "{What} on node {Node} has an unknown outcome ({Error}, attempt {Attempt}); re-reading to decide")]
    public static partial void WriteUnsettled(this ILogger logger, string what, NodeId node, string error, int attempt);

    [LoggerMessage(EventId = 2007, EventName = "VifListUnreadable", Level = LogLevel.Warning,
        Message = "The VIF list of node {Node} is unreadable ({Error}); detaching the known VIFs only")]
    public static partial void VifListUnreadable(this ILogger logger, NodeId node, string error);

    [LoggerMessage(EventId = 2008, EventName = "ForeignNodeIgnored", Level = LogLevel.Warning,
        Message = "Ironic listed node {Node} for instance {Instance}, but the node does not hold it; ignored")]
    public static partial void ForeignNodeIgnored(this ILogger logger, NodeId node, InstanceId instance);

    [LoggerMessage(EventId = 2009, EventName = "SpawnCleanupFailed", Level = LogLevel.Warning,
        Message = "Cleaning up node {Node} after instance {Instance}'s spawn failed: {Error}")]
    public static partial void SpawnCleanupFailed(this ILogger logger, NodeId node, InstanceId instance, string error);

    [LoggerMessage(EventId = 2010, EventName = "PowerFallback", Level = LogLevel.Information,
        Message = "Node {Node} could not {Action} ({Reason}); doing it hard")]
    public static partial void PowerFallback(this ILogger logger, NodeId node, string action, string reason);

    [LoggerMessage(EventId = 2020, EventName = "ConsoleReset", Level = LogLevel.Warning,
        Message = "Resetting the serial console of node {Node} for instance {Instance}: a connected session is dropped")]
    public static partial void ConsoleReset(this ILogger logger, NodeId node, InstanceId instance);

    [LoggerMessage(EventId = 2011, EventName = "VolumeTargetLeft", Level = LogLevel.Warning,
        Message = "Volume target {Target} of node {Node} could not be removed ({Error}); remove it before the node boots another volume")]
    public static partial void VolumeTargetLeft(this ILogger logger, VolumeTargetId target, NodeId node, string error);
}
