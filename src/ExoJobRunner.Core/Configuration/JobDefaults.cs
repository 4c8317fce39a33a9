using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Core.Configuration;

/// <summary>Values every job inherits unless its own file says otherwise (the <c>defaults:</c> section).</summary>
public sealed record JobDefaults
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    /// <summary>Runs the scheduler lets go at once when <c>maxConcurrentRuns</c> is not set.</summary>
    public const int DefaultMaxConcurrentRuns = 4;

    public string? ProfileName { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public ConcurrencyPolicy Concurrency { get; init; } = ConcurrencyPolicy.Skip;

    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.RunOnce;

    public RetryPolicy Retries { get; init; } = RetryPolicy.None;

    /// <summary>
    /// How many runs the scheduler process runs at once, all jobs together; a due occurrence waits for a free slot.
    /// Only meaningful under <c>defaults:</c>: it is a limit of the process, not of one job.
    /// </summary>
    public int MaxConcurrentRuns { get; init; } = DefaultMaxConcurrentRuns;

    /// <summary>Rule severities every job starts from (<c>rules:</c>); a job's own <c>rules:</c> entries win.</summary>
    public IReadOnlyList<RuleSeverityOverride> Rules { get; init; } = [];

    /// <summary>Where every job's outcome is sent (<c>notify:</c>); a job's own <c>onFailure:</c> or <c>onSuccess:</c> replaces the list it names.</summary>
    public JobNotifications Notifications { get; init; } = JobNotifications.None;
}
