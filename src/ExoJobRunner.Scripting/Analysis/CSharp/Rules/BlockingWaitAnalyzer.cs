using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>
/// EXO0003: <c>.Result</c>, <c>.Wait()</c>, <c>Task.WaitAll</c> and <c>GetAwaiter().GetResult()</c>, which hold a thread
/// until the task ends and cannot be interrupted by the run's cancellation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BlockingWaitAnalyzer : CSharpRuleAnalyzer
{
    private const string Advice =
        "it blocks a thread until the work ends and ignores the run's CancellationToken, so a job that hits its timeout "
        + "cannot stop and is abandoned; await it instead";

    public BlockingWaitAnalyzer()
        : base(RuleCatalog.BlockingWait)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(
            context,
            (operation, report) =>
            {
                if (operation.Kind == OperationKind.PropertyReference)
                {
                    AnalyzeResult(operation, report);
                }
                else
                {
                    AnalyzeInvocation(operation, report);
                }
            },
            OperationKind.PropertyReference,
            OperationKind.Invocation);

    private void AnalyzeResult(IOperation operation, Action<Diagnostic> report)
    {
        var property = ((IPropertyReferenceOperation)operation).Property;
        if (property.Name == "Result" && IsTask(property.ContainingType))
        {
            report(Finding(operation.Syntax.GetLocation(), $"'.Result' on a {property.ContainingType.Name}: " + Advice));
        }
    }

    private void AnalyzeInvocation(IOperation operation, Action<Diagnostic> report)
    {
        var method = ((IInvocationOperation)operation).TargetMethod;
        var blocking = method.Name switch
        {
            "Wait" or "WaitAll" or "WaitAny" when IsTask(method.ContainingType) => $"'{method.ContainingType.Name}.{method.Name}'",
            "GetResult" when IsAwaiter(method.ContainingType) => "'GetAwaiter().GetResult()'",
            _ => null,
        };
        if (blocking is not null)
        {
            report(Finding(operation.Syntax.GetLocation(), blocking + ": " + Advice));
        }
    }

    private static bool IsTask(ITypeSymbol type) =>
        OperationValues.IsType(type, "System.Threading.Tasks.Task") || OperationValues.IsType(type, "System.Threading.Tasks.ValueTask");

    /// <summary>TaskAwaiter, ValueTaskAwaiter and the configured awaiters nested in ConfiguredTaskAwaitable and its kin.</summary>
    private static bool IsAwaiter(ITypeSymbol type)
    {
        var outermost = type;
        while (outermost.ContainingType is { } container)
        {
            outermost = container;
        }

        return type.Name.EndsWith("Awaiter", StringComparison.Ordinal)
            && outermost.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices";
    }
}
