using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.History;

/// <summary>One row of run history: a run (going or ended), or an occurrence that was skipped.</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    public required string JobName { get; init; }

    /// <summary>Why the run started; a name this exojobs does not know (from a newer one) is kept as it is.</summary>
    public required RecordedName<RunTrigger> Trigger { get; init; }

    /// <summary>How the run ended or why the occurrence did not run; a name this exojobs does not know is kept as it is.</summary>
    public required RecordedName<RunStatus> Status { get; init; }

    /// <summary>The schedule occurrence the row is for (UTC); null for a manual run.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>When the run started; null for a skipped occurrence, which never did.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Why the run did not succeed, or why the occurrence was skipped.</summary>
    public string? ErrorSummary { get; init; }

    /// <summary>The run's folder (its <c>run.log</c> and outputs); null for a skipped occurrence.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>1 for a first attempt; retries count up.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The machine whose process recorded the row.</summary>
    public required string Host { get; init; }

    /// <summary>The process that recorded the row: while it is alive, a Running row is really running.</summary>
    public required int ProcessId { get; init; }

    /// <summary>
    /// When that process started (null in rows recorded before it was kept): a process with the same id but another
    /// start time is a later one that reused the id, and the run's own process is gone.
    /// </summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }

    /// <summary>When the row was written: the start of a run, or the moment an occurrence was skipped. History is ordered by it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public TimeSpan? Duration => StartedAt is { } started && EndedAt is { } ended ? ended - started : null;
}
