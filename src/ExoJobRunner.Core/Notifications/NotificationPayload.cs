using System.Globalization;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Notifications;

/// <summary>
/// What a notification says about a run: the JSON a webhook receives (<c>format: json</c>) and, field for field, the
/// <c>EXOJOBS_*</c> environment variables a command target is started with.
/// </summary>
public sealed record NotificationPayload
{
    /// <summary>The longest error summary sent; a receiver such as a chat channel wants a line, not a page.</summary>
    public const int MaxErrorSummaryLength = 500;

    public required string Job { get; init; }

    public required string RunId { get; init; }

    /// <summary>The run's status as history records it: Succeeded, Failed, TimedOut, Canceled.</summary>
    public required string Status { get; init; }

    public required int ExitCode { get; init; }

    /// <summary>The first line of why the run did not succeed (never a stack trace); null when it succeeded.</summary>
    public string? ErrorSummary { get; init; }

    /// <summary>Why the run started, as history records it: Schedule, Manual, Retry, CatchUp.</summary>
    public required string Trigger { get; init; }

    public required int Attempt { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The run's length in seconds, for a receiver to compare or chart.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The run's length as a person writes it (<c>2.41s</c>, <c>1h 30m</c>).</summary>
    public required string Duration { get; init; }

    /// <summary>The machine the run ran on.</summary>
    public required string Host { get; init; }

    /// <summary>The run's folder: its <c>run.log</c> and whatever the job wrote.</summary>
    public required string RunFolder { get; init; }

    public static NotificationPayload Of(RunResult result, RunTrigger trigger, int attempt, string host)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new NotificationPayload
        {
            Job = result.JobName,
            RunId = result.RunId,
            Status = result.Status.ToString(),
            ExitCode = result.ExitCode,
            ErrorSummary = Summarize(result.ErrorSummary),
            Trigger = trigger.ToString(),
            Attempt = attempt,
            StartedAt = result.StartedAt.ToUniversalTime(),
            EndedAt = result.EndedAt.ToUniversalTime(),
            DurationSeconds = Math.Round(result.Duration.TotalSeconds, 3),
            Duration = JobRunner.FormatDuration(result.Duration),
            Host = host,
            RunFolder = result.OutputDirectory,
        };
    }

    /// <summary>
    /// The environment variables of a command target. <c>EXOJOBS_ERROR</c> is absent when the run succeeded: Windows
    /// cannot hold an empty variable, so "absent" is the one spelling of "none" that works everywhere.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ToEnvironment() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["EXOJOBS_JOB"] = Job,
        ["EXOJOBS_RUN_ID"] = RunId,
        ["EXOJOBS_STATUS"] = Status,
        ["EXOJOBS_EXIT_CODE"] = ExitCode.ToString(CultureInfo.InvariantCulture),
        ["EXOJOBS_ERROR"] = ErrorSummary,
        ["EXOJOBS_TRIGGER"] = Trigger,
        ["EXOJOBS_ATTEMPT"] = Attempt.ToString(CultureInfo.InvariantCulture),
        ["EXOJOBS_STARTED_AT"] = StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["EXOJOBS_ENDED_AT"] = EndedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["EXOJOBS_DURATION"] = DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        ["EXOJOBS_HOST"] = Host,
        ["EXOJOBS_RUN_FOLDER"] = RunFolder,
    };

    /// <summary>
    /// The first non-empty line, cut at <see cref="MaxErrorSummaryLength"/>. Summaries are already one line in most
    /// cases; a multi-line exception message is where a stack trace or a dumped response would hide.
    /// </summary>
    internal static string? Summarize(string? errorSummary)
    {
        var firstLine = errorSummary?
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        if (string.IsNullOrEmpty(firstLine))
        {
            return null;
        }

        return firstLine.Length <= MaxErrorSummaryLength ? firstLine : firstLine[..(MaxErrorSummaryLength - 1)] + "…";
    }
}
