namespace ExoJobRunner.Core.Running;

/// <summary>Why a run started. History stores the names, so a value is never renamed.</summary>
public enum RunTrigger
{
    /// <summary>An occurrence of the job's schedule, fired by <c>exojobs scheduler</c>.</summary>
    Schedule,

    /// <summary><c>exojobs run</c>, typed by someone or called by another scheduler (Task Scheduler, cron, CI).</summary>
    Manual,

    /// <summary>A further attempt after a transient (connection or throttling) failure.</summary>
    Retry,

    /// <summary>The one run the <c>runOnce</c> misfire policy makes up for occurrences missed while the scheduler was down.</summary>
    CatchUp,
}
