namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>One finding of a rule, at a 1-based line and column of the body's code (not yet mapped to the user's file).</summary>
internal sealed record PowerShellFinding(ExoRule Rule, int Line, int Column, string Message);
