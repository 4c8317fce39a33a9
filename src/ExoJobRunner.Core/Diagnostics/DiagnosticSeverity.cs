namespace ExoJobRunner.Core.Diagnostics;

/// <summary>How serious a reported problem is; an error stops the job from running.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
