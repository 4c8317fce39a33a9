namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// What the scheduler does with occurrences it missed, because it was not running or the machine slept
/// (<c>misfire:</c> in a job file or under <c>defaults:</c>).
/// </summary>
public enum MisfirePolicy
{
    /// <summary>Missed occurrences do not run; history records one Skipped row saying how many were missed.</summary>
    Skip,

    /// <summary>However many were missed, the job runs once as soon as the scheduler notices (trigger CatchUp).</summary>
    RunOnce,
}
