using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Carries out a run the scheduler decided to start. The scheduler decides when and whether (schedule, policies,
/// limits, lock); this decides how: <see cref="RecordedScheduledRunner"/> runs the body and records history.
/// </summary>
public interface IScheduledRunner
{
    /// <param name="run">What to run.</param>
    /// <param name="heldLock">The job's lock, held by the scheduler for the run's whole length.</param>
    /// <param name="cancellationToken">Canceled when the scheduler stops: the run should end as Canceled.</param>
    Task<RunResult> RunAsync(ScheduledRun run, JobLock heldLock, CancellationToken cancellationToken);
}
