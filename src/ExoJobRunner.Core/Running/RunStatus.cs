namespace ExoJobRunner.Core.Running;

/// <summary>How a run ended (or that it is still going). History stores the names, so a value is never renamed.</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Canceled,

    /// <summary>The occurrence did not run: an earlier run was still going, it was missed, or the job's lock was held.</summary>
    Skipped,

    /// <summary>A PowerShell body with <c>errorAction: continue</c> ran to its end but wrote error records on the way.</summary>
    CompletedWithErrors,

    /// <summary>The process running it ended (crash, SIGKILL, power loss) without recording how the run ended.</summary>
    Abandoned,
}
