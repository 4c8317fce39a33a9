namespace ExoJobRunner.Core.Running;

/// <summary>How a run ended (or that it is still going).</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Canceled,
}
