using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>
/// EXO0006: <c>[Environment]::Exit()</c>, which ends the exojobs process, and <c>exit</c> inside a function or script
/// block, which ends the whole run where <c>return</c> was meant.
/// </summary>
/// <remarks>
/// A top-level <c>exit 3</c> is not flagged: exojobs captures it as the run's exit code, as a C# body's <c>return 3;</c>.
/// </remarks>
internal sealed class ProcessExitRule : PowerShellRule
{
    public ProcessExitRule()
        : base(RuleCatalog.ProcessExit)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var node in script.FindAll(node => node is ExitStatementAst or InvokeMemberExpressionAst, searchNestedScriptBlocks: true))
        {
            if (node is ExitStatementAst exit && EnclosingScriptBlock(exit) != script)
            {
                yield return Finding(
                    exit,
                    "exit inside a function or script block ends the whole run, not just the function; use return to leave the function, "
                    + "throw to fail the run, or exit at the top level of the body to set the run's exit code");
            }
            else if (node is InvokeMemberExpressionAst call
                && CommandSyntax.MemberName(call) is { } member
                && (string.Equals(member, "Exit", StringComparison.OrdinalIgnoreCase) || string.Equals(member, "FailFast", StringComparison.OrdinalIgnoreCase))
                && CommandSyntax.IsStaticCallOn(call, "System.Environment"))
            {
                yield return Finding(
                    call,
                    $"{call.Expression.Extent.Text}::{member}() ends the whole exojobs process: the run is not recorded, its log is cut short and "
                    + "under the scheduler every other job stops with it; set the run's exit code with exit at the top level of the body, or throw");
            }
        }
    }

    private static ScriptBlockAst? EnclosingScriptBlock(Ast node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ScriptBlockAst block)
            {
                return block;
            }
        }

        return null;
    }
}
