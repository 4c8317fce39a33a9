using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>
/// EXO0004: <c>[Threading.Thread]::Sleep()</c> and <c>[Threading.Tasks.Task]::Delay()</c>, which a stopped pipeline
/// cannot interrupt.
/// </summary>
/// <remarks>
/// <c>Start-Sleep</c> is not flagged: it ends as soon as the pipeline is stopped, which is how exojobs cancels a
/// PowerShell run on timeout or shutdown. A .NET wait called from PowerShell is not a cmdlet and is not stopped.
/// </remarks>
internal sealed class SleepIgnoresCancellationRule : PowerShellRule
{
    public SleepIgnoresCancellationRule()
        : base(RuleCatalog.SleepIgnoresCancellation)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var call in script.FindAll(node => node is InvokeMemberExpressionAst, searchNestedScriptBlocks: true).Cast<InvokeMemberExpressionAst>())
        {
            var member = CommandSyntax.MemberName(call);
            var ignoresStop =
                (string.Equals(member, "Sleep", StringComparison.OrdinalIgnoreCase) && CommandSyntax.IsStaticCallOn(call, "System.Threading.Thread"))
                || (string.Equals(member, "Delay", StringComparison.OrdinalIgnoreCase) && CommandSyntax.IsStaticCallOn(call, "System.Threading.Tasks.Task"));
            if (ignoresStop)
            {
                yield return Finding(
                    call,
                    $"{call.Expression.Extent.Text}::{member}() cannot be interrupted when the job times out or the scheduler stops, so the run "
                    + "is abandoned mid-wait; use Start-Sleep, which ends as soon as the run is stopped");
            }
        }
    }
}
