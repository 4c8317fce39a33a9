using System.Management.Automation.Language;

namespace ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

/// <summary>EXO0005: <c>Connect-ExchangeOnline</c>, <c>Disconnect-ExchangeOnline</c> and <c>Connect-IPPSSession</c> in a body.</summary>
internal sealed class SessionManagedInBodyRule : PowerShellRule
{
    public SessionManagedInBodyRule()
        : base(RuleCatalog.SessionManagedInBody)
    {
    }

    public override IEnumerable<PowerShellFinding> Analyze(ScriptBlockAst script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var command in script.FindAll(node => node is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
        {
            if (CommandSyntax.NameOf(command) is { } name && ExchangeCmdlets.SessionManagement.Contains(name))
            {
                yield return Finding(
                    command,
                    $"{name} in a body: exojobs connects each profile once and binds the Exchange cmdlets of every run to that session; "
                    + "connecting again signs in on every run and disconnecting ends the session for runs still using it; remove the call");
            }
        }
    }
}
