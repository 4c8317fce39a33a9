namespace ExoJobRunner.Core.Jobs;

/// <summary>The language a job body is written in.</summary>
public enum BodyLanguage
{
    CSharp,
    PowerShell,
}
