using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0005: a body that runs <c>Connect-ExchangeOnline</c> or <c>Disconnect-ExchangeOnline</c> (through
/// <c>Exo.InvokeAsync</c> or a PowerShell object): the host connects each profile once and shares the session.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SessionManagedInBodyAnalyzer : CSharpRuleAnalyzer
{
    public SessionManagedInBodyAnalyzer()
        : base(RuleCatalog.SessionManagedInBody)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(context, AnalyzeArgument, OperationKind.Argument);

    private void AnalyzeArgument(IOperation operation, Action<Diagnostic> report)
    {
        var argument = (IArgumentOperation)operation;
        if (argument.Parent is not IInvocationOperation invocation
            || !ExchangeCmdlets.RunsCmdlet(invocation.TargetMethod.Name)
            || OperationValues.NonBlankString(argument.Value) is not { } text)
        {
            return;
        }

        var cmdlet = ExchangeCmdlets.FirstWord(text);
        if (ExchangeCmdlets.SessionManagement.Contains(cmdlet))
        {
            report(Finding(
                argument.Value.Syntax.GetLocation(),
                $"'{cmdlet}' in a body: exojobs connects each profile once and shares that session with every run as Exo; "
                + "connecting again signs in on every run and disconnecting ends the session for runs still using it; remove the call and use Exo"));
        }
    }
}
