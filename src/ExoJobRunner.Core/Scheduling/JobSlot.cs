using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// The scheduler's state of one job. The loop owns <see cref="LastHandled"/>; the run fields are guarded by the
/// launcher's gate, and the lock file is only ever opened or closed outside it.
/// </summary>
internal sealed class JobSlot
{
    public JobSlot(JobDefinition job, DateTimeOffset lastHandled)
    {
        Job = job;
        LastHandled = lastHandled;
    }

    public JobDefinition Job { get; }

    /// <summary>The last occurrence that was run, queued or recorded; persisted so a restart knows what it missed.</summary>
    public DateTimeOffset LastHandled { get; set; }

    /// <summary>Runs of this job reserved, started and not yet ended, including those waiting for a free run slot.</summary>
    public int Active { get; set; }

    /// <summary>The id of the run most recently started, named when a later occurrence gives way to it.</summary>
    public string? LatestRunId { get; set; }

    /// <summary>Occurrences waiting for the running one to end (concurrency: queue), oldest first.</summary>
    public Queue<DueOccurrence> Queued { get; } = new();

    /// <summary>The job's machine-wide lock, held while <see cref="Active"/> is above zero (once the first reservation has taken it).</summary>
    public JobLock? Lock { get; set; }

    /// <summary>
    /// Completes when the lock last let go of has been closed. A new reservation waits for it before opening the lock
    /// file again, or it would find the file still locked by this very process.
    /// </summary>
    public Task LockReleased { get; set; } = Task.CompletedTask;
}
