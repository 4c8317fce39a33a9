using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>A catalogue rule checked on PowerShell bodies by walking the PowerShell parser's syntax tree.</summary>
internal abstract class PowerShellRule
{
    protected PowerShellRule(ExoRule rule)
    {
        Rule = rule;
    }

    public ExoRule Rule { get; }

    /// <summary>Every finding in <paramref name="script"/>, nested script blocks and functions included.</summary>
    public abstract IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script);

    protected PowerShellFinding Finding(Ast at, string message) =>
        new(Rule, at.Extent.StartLineNumber, at.Extent.StartColumnNumber, message);
}
