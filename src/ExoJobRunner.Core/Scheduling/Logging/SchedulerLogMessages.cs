using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Scheduling.Logging;

/// <summary>The scheduler's own log lines (the runs log their start and end themselves).</summary>
internal static partial class SchedulerLogMessages
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Scheduler started (pid {ProcessId}): {JobCount} scheduled job(s), at most {MaxConcurrentRuns} run(s) at once, history in {HistoryPath}")]
    public static partial void SchedulerStarted(this ILogger logger, int processId, int jobCount, int maxConcurrentRuns, string historyPath);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Job '{Job}' next runs at {Next} ({Zone})")]
    public static partial void JobScheduled(this ILogger logger, string job, string next, string zone);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Run {RunId} of job '{Job}' was left Running by process {ProcessId}, which is gone; recorded as Abandoned")]
    public static partial void RunAbandoned(this ILogger logger, string runId, string job, int processId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Occurrence {Scheduled} of job '{Job}' skipped: {Reason}")]
    public static partial void OccurrenceSkipped(this ILogger logger, string scheduled, string job, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Job '{Job}' missed {Count} occurrence(s) up to {Latest}; running it once now (misfire: runOnce)")]
    public static partial void CatchingUp(this ILogger logger, string job, string count, string latest);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Job '{Job}': could not handle its occurrence: {Message}")]
    public static partial void HandlingFailed(this ILogger logger, Exception error, string job, string message);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Scheduler stopping: no new runs; canceling {Running} running run(s) and waiting at most {Grace}")]
    public static partial void Stopping(this ILogger logger, int running, string grace);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "{Running} run(s) did not end within the grace period; the next start records them as Abandoned")]
    public static partial void RunsOutlivedGrace(this ILogger logger, int running);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "Scheduler stopped")]
    public static partial void SchedulerStopped(this ILogger logger);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Occurrence {Scheduled} of job '{Job}' recorded Missed: {Reason}")]
    public static partial void OccurrenceMissed(this ILogger logger, string scheduled, string job, string reason);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "History store unusable: {Problem}. No run starts until it takes writes again (checked every {Interval}); rows meanwhile are kept and written then, and occurrences due meanwhile are handled by each job's misfire policy")]
    public static partial void HistoryUnusable(this ILogger logger, string problem, string interval);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "History store takes writes again: {Kept} kept row(s) written; scheduling resumes")]
    public static partial void HistoryUsableAgain(this ILogger logger, int kept);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "The history store is still unusable at stop ({Problem}); these were not recorded: {Lost}")]
    public static partial void HistoryWritesLost(this ILogger logger, string problem, string lost);

    [LoggerMessage(EventId = 114, Level = LogLevel.Critical, Message = "History store unusable and it will not pass by itself: {Problem}. The scheduler stops")]
    public static partial void HistoryDamaged(this ILogger logger, string problem);
}
