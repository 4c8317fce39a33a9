namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// What the scheduler does with occurrences it missed, because it was not running or the machine slept
/// (<c>misfire:</c> in a job file or under <c>defaults:</c>).
/// </summary>
public enum MisfirePolicy
{
    /// <summary>Missed occurrences do not run; history records one Missed row saying how many were missed.</summary>
    Skip,

    /// <summary>
    /// However many were missed, the job runs once as soon as the scheduler notices: the latest missed occurrence
    /// (trigger CatchUp), or the one due on time if there is one. One Missed row records the others.
    /// </summary>
    RunOnce,
}
