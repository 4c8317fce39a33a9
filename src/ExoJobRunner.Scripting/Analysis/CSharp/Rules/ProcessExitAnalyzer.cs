using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>EXO0006: <c>Environment.Exit</c> and <c>Environment.FailFast</c>, which end the host process, not the run.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ProcessExitAnalyzer : CSharpRuleAnalyzer
{
    public ProcessExitAnalyzer()
        : base(RuleCatalog.ProcessExit)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(context, AnalyzeInvocation, OperationKind.Invocation);

    private void AnalyzeInvocation(IOperation operation, Action<Diagnostic> report)
    {
        var method = ((IInvocationOperation)operation).TargetMethod;
        if (method.Name is "Exit" or "FailFast" && OperationValues.IsType(method.ContainingType, "System.Environment"))
        {
            report(Finding(
                operation.Syntax.GetLocation(),
                $"Environment.{method.Name} ends the whole exojobs process: the run is not recorded, its log is cut short and under the "
                + "scheduler every other job stops with it; end the run instead: return an exit code (return 2;) or throw an exception"));
        }
    }
}
