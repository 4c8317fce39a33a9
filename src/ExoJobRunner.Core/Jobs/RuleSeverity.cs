namespace ExoJobRunner.Core.Jobs;

/// <summary>What a job's <c>rules:</c> setting makes of a rule's findings.</summary>
public enum RuleSeverity
{
    /// <summary>The rule does not run for the job.</summary>
    None,

    /// <summary>Findings are reported; the job still runs.</summary>
    Warning,

    /// <summary>Findings stop the job from running, as a compile error would.</summary>
    Error,
}
