using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Notifications.Logging;

/// <summary>What became of each notification, written to the run's log (and so to the console of <c>exojobs run</c>).</summary>
internal static partial class NotificationLogMessages
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Notification ({Status}) to {Target} delivered: {Detail}")]
    public static partial void NotificationDelivered(this ILogger logger, string status, string target, string detail);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Notification ({Status}) to {Target} failed: {Problem}; trying once more in {Delay}")]
    public static partial void NotificationRetrying(this ILogger logger, string status, string target, string problem, string delay);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Notification ({Status}) to {Target} failed again: {Problem}; given up (the run stays {Status})")]
    public static partial void NotificationGivenUp(this ILogger logger, string status, string target, string problem);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Notification ({Status}) to {Target} not sent: {Problem}")]
    public static partial void NotificationNotSent(this ILogger logger, string status, string target, string problem);
}
