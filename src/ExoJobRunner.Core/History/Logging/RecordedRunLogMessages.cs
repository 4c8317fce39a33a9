using ExoJobRunner.Core.Running;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.History.Logging;

/// <summary>The host's log lines about runs (one when a run starts, one when it ends), and about retries and pruning.</summary>
internal static partial class RecordedRunLogMessages
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Run {RunId} of job '{Job}' started ({Trigger}{Scheduled}, attempt {Attempt})")]
    public static partial void RunStarted(this ILogger logger, string runId, string job, RunTrigger trigger, string scheduled, int attempt);

    [LoggerMessage(EventId = 202, Message = "Run {RunId} of job '{Job}' ended: {Status} in {Duration} (exit code {ExitCode}){Summary}")]
    public static partial void RunEnded(this ILogger logger, LogLevel level, string runId, string job, RunStatus status, string duration, int exitCode, string summary);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Run {RunId} of job '{Job}' failed with a transient fault; retry {Retry} of {Count} in {Delay}")]
    public static partial void RetryScheduled(this ILogger logger, string runId, string job, int retry, int count, string delay);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Run {RunId} of job '{Job}' could not be carried out: {Message}")]
    public static partial void RunCrashed(this ILogger logger, Exception error, string runId, string job, string message);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "History retention removed {Count} run(s) and their folders")]
    public static partial void Pruned(this ILogger logger, int count);

    [LoggerMessage(EventId = 207, Level = LogLevel.Error, Message = "Run {RunId} of job '{Job}' ended {Status}, but the history store cannot record it now ({Problem}); the ending is kept and recorded as soon as the store takes writes again")]
    public static partial void RunEndKept(this ILogger logger, string runId, string job, RunStatus status, string problem);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Run {RunId} of job '{Job}': notification to {Target} failed: {Problem}")]
    public static partial void NotificationFailed(this ILogger logger, string runId, string job, string target, string problem);
}
