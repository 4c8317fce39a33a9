namespace ExoJobRunner.Scripting.Analysis;

/// <summary>The body languages a rule checks.</summary>
[Flags]
public enum RuleLanguages
{
    CSharp = 1,
    PowerShell = 2,
    Both = CSharp | PowerShell,
}
