using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Running.Logging;

/// <summary>The runner's own log lines, source-generated so a disabled level costs nothing.</summary>
internal static partial class RunnerLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of job '{Job}' started ({Body} body, profile {Profile}, timeout {Timeout})")]
    public static partial void RunStarted(this ILogger logger, string runId, string job, string body, string profile, string timeout);

    [LoggerMessage(Message = "Run {RunId} of job '{Job}' ended: {Status} in {Duration} (exit code {ExitCode})")]
    public static partial void RunEnded(this ILogger logger, LogLevel level, string runId, string job, RunStatus status, string duration, int exitCode);

    [LoggerMessage(Message = "{Diagnostic}")]
    public static partial void BodyDiagnostic(this ILogger logger, LogLevel level, string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' was not run: {Summary}")]
    public static partial void BodyRefused(this ILogger logger, string job, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' failed{Where}: {Message}")]
    public static partial void JobFailed(this ILogger logger, Exception? error, string job, string where, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' completed with errors: {Summary}")]
    public static partial void JobCompletedWithErrors(this ILogger logger, string job, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The body ended with exit code {Requested}, but {Reason}")]
    public static partial void ExitCodeMapped(this ILogger logger, int requested, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' did not run: {Reason}")]
    public static partial void InstallationBroken(this ILogger logger, string job, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' did not run: could not connect to Exchange Online: {Reason}")]
    public static partial void ConnectionFailed(this ILogger logger, string job, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exchange Online connection: {Warning}")]
    public static partial void ConnectionWarning(this ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job '{Job}' timed out after {Timeout}")]
    public static partial void JobTimedOut(this ILogger logger, string job, string timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job '{Job}' was interrupted (Ctrl+C or SIGTERM)")]
    public static partial void JobInterrupted(this ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job '{Job}' did not stop within {Grace} of being canceled; it was abandoned")]
    public static partial void JobAbandoned(this ILogger logger, string job, string grace);
}
