using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Core.Jobs;

/// <summary>One job as defined by its YAML file, with defaults from exojobs.yaml already applied.</summary>
public sealed record JobDefinition
{
    public required string Name { get; init; }

    /// <summary>Absolute path of the job's YAML file.</summary>
    public required string FilePath { get; init; }

    public string? Description { get; init; }

    /// <summary>The connection profile the job uses, or null when neither the job nor the defaults name one.</summary>
    public string? ProfileName { get; init; }

    /// <summary>Null for a job that only runs on demand.</summary>
    public JobSchedule? Schedule { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    public required TimeSpan Timeout { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>What the scheduler does when an occurrence comes due while an earlier run is still going.</summary>
    public ConcurrencyPolicy Concurrency { get; init; } = ConcurrencyPolicy.Skip;

    /// <summary>What the scheduler does with occurrences missed while it was not running.</summary>
    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.RunOnce;

    /// <summary>Further attempts after a transient (connection or throttling) failure.</summary>
    public RetryPolicy Retries { get; init; } = RetryPolicy.None;

    /// <summary>Where the outcome of a run is sent (<c>notify:</c>, each list falling back to that of <c>defaults:</c>).</summary>
    public JobNotifications Notifications { get; init; } = JobNotifications.None;

    /// <summary>What an error does to the job's PowerShell body (<c>errorAction:</c>); C# bodies fail on their first uncaught exception.</summary>
    public PowerShellErrorAction ErrorAction { get; init; } = PowerShellErrorAction.Stop;

    /// <summary>Parameter defaults, overridable with <c>--param name=value</c>.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required JobBody Body { get; init; }

    /// <summary>Where the job's name is defined (its <c>name:</c> key, or the file's first line).</summary>
    public required SourceLocation Location { get; init; }
}
