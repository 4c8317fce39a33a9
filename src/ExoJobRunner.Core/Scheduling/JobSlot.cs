using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>The scheduler's state of one job. The loop owns the occurrence fields; the rest is guarded by the scheduler's lock.</summary>
internal sealed class JobSlot
{
    public JobSlot(JobDefinition job, DateTimeOffset lastHandled)
    {
        Job = job;
        LastHandled = lastHandled;
    }

    public JobDefinition Job { get; }

    public JobSchedule Schedule => Job.Schedule!;

    /// <summary>The last occurrence that was run, queued or skipped; persisted so a restart knows what it missed.</summary>
    public DateTimeOffset LastHandled { get; set; }

    /// <summary>Runs of this job started and not yet ended, including those waiting for a free run slot.</summary>
    public int Active { get; set; }

    /// <summary>The id of the run most recently started, named when a later occurrence gives way to it.</summary>
    public string? LatestRunId { get; set; }

    /// <summary>Occurrences waiting for the running one to end (concurrency: queue), oldest first.</summary>
    public Queue<PendingOccurrence> Queued { get; } = new();

    /// <summary>The job's machine-wide lock, held while <see cref="Active"/> is above zero.</summary>
    public JobLock? Lock { get; set; }

    /// <summary>The next occurrence after <see cref="LastHandled"/>; null when the schedule has none left.</summary>
    public DateTimeOffset? NextOccurrence() => Schedule.GetNextOccurrence(LastHandled, Job.TimeZone);
}
