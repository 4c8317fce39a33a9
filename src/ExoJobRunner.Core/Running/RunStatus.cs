namespace ExoJobRunner.Core.Running;

/// <summary>How a run ended (or that it is still going). History stores the names, so a value is never renamed.</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Canceled,

    /// <summary>The occurrence did not run: an earlier run was still going, the job's lock was held, or the scheduler was stopping.</summary>
    Skipped,

    /// <summary>A PowerShell body with <c>errorAction: continue</c> ran to its end but wrote error records on the way.</summary>
    CompletedWithErrors,

    /// <summary>The process running it ended (crash, SIGKILL, power loss) without recording how the run ended.</summary>
    Abandoned,

    /// <summary>
    /// The occurrence passed while the scheduler was not running, the machine slept or the history store was unusable,
    /// and the misfire policy did not run it. One row stands for every occurrence missed in a row, and says how many.
    /// </summary>
    Missed,
}
