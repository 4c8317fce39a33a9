using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0004: <c>Thread.Sleep</c>, and <c>Task.Delay</c> without the run's token, which go on waiting after the job has
/// timed out or the scheduler is stopping.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SleepIgnoresCancellationAnalyzer : CSharpRuleAnalyzer
{
    public SleepIgnoresCancellationAnalyzer()
        : base(RuleCatalog.SleepIgnoresCancellation)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(context, AnalyzeInvocation, OperationKind.Invocation);

    private void AnalyzeInvocation(IOperation operation, Action<Diagnostic> report)
    {
        var invocation = (IInvocationOperation)operation;
        var method = invocation.TargetMethod;
        string? message = null;
        if (method.Name == "Sleep" && OperationValues.IsType(method.ContainingType, "System.Threading.Thread"))
        {
            message = "Thread.Sleep cannot be interrupted: when the job times out or the scheduler stops, the run is abandoned mid-sleep; "
                + "use await Task.Delay(duration, CancellationToken)";
        }
        else if (method.Name == "Delay" && OperationValues.IsType(method.ContainingType, "System.Threading.Tasks.Task") && !PassesAToken(invocation))
        {
            message = "Task.Delay without the run's CancellationToken goes on waiting after the job is canceled; "
                + "pass it: await Task.Delay(duration, CancellationToken)";
        }

        if (message is not null)
        {
            report(Finding(invocation.Syntax.GetLocation(), message));
        }
    }

    /// <summary>True when a token argument is given and is not <c>CancellationToken.None</c> or <c>default</c>.</summary>
    private static bool PassesAToken(IInvocationOperation invocation)
    {
        var token = invocation.Arguments.FirstOrDefault(argument =>
            OperationValues.IsType(argument.Parameter?.Type, "System.Threading.CancellationToken"));
        if (token is null || token.ArgumentKind != ArgumentKind.Explicit)
        {
            return false;
        }

        return OperationValues.WithoutConversions(token.Value) switch
        {
            IPropertyReferenceOperation { Property.Name: "None" } none => !OperationValues.IsType(none.Property.ContainingType, "System.Threading.CancellationToken"),
            IDefaultValueOperation => false,
            IObjectCreationOperation { Arguments.Length: 0 } => false,
            _ => true,
        };
    }
}
