using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>
/// EXO0008: <c>catch { }</c> or <c>catch [Exception] { }</c> whose block neither rethrows nor looks at the error
/// (<c>$_</c>, <c>$PSItem</c>, <c>$Error</c>): the run reports success while the work failed.
/// </summary>
internal sealed class SwallowedErrorRule : PowerShellRule
{
    private static readonly HashSet<string> ErrorVariables = new(StringComparer.OrdinalIgnoreCase) { "_", "PSItem", "Error" };

    public SwallowedErrorRule()
        : base(RuleCatalog.SwallowedError)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var clause in script.FindAll(node => node is CatchClauseAst, searchNestedScriptBlocks: true).Cast<CatchClauseAst>())
        {
            if (CatchesEverything(clause) && !Handles(clause.Body))
            {
                yield return Finding(
                    clause,
                    "this catch-all block swallows every error: the run reports success while the work failed and the log does not say why; "
                    + "write the error (Write-Error $_ or Write-Warning $_.Exception.Message) and rethrow with throw, or catch only the "
                    + "exception type you expect");
            }
        }
    }

    private static bool CatchesEverything(CatchClauseAst clause) =>
        clause.IsCatchAll
        || clause.CatchTypes.Any(type => type.TypeName.FullName is { } name
            && (string.Equals(name, "Exception", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "System.Exception", StringComparison.OrdinalIgnoreCase)));

    private static bool Handles(StatementBlockAst body) =>
        body.Find(
            node => node is ThrowStatementAst
                || (node is VariableExpressionAst variable && ErrorVariables.Contains(variable.VariablePath.UserPath)),
            searchNestedScriptBlocks: true) is not null;
}
