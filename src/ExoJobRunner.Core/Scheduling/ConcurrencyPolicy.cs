namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// What the scheduler does when a job's occurrence comes due while an earlier run of the same job is still going
/// (<c>concurrency:</c> in a job file or under <c>defaults:</c>).
/// </summary>
public enum ConcurrencyPolicy
{
    /// <summary>The occurrence does not run; history records it as Skipped with the run it gave way to.</summary>
    Skip,

    /// <summary>The occurrence waits and starts when the earlier run ends (at most <see cref="JobScheduler.QueueLimit"/> wait).</summary>
    Queue,

    /// <summary>The occurrence starts at once, beside the earlier run.</summary>
    Allow,
}
