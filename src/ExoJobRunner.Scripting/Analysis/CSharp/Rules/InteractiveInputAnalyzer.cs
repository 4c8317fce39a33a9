using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>EXO0001: reading the console, which a scheduled run does not have.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InteractiveInputAnalyzer : CSharpRuleAnalyzer
{
    private static readonly HashSet<string> ReadingMembers = new(StringComparer.Ordinal) { "Read", "ReadKey", "ReadLine", "OpenStandardInput", "In" };

    public InteractiveInputAnalyzer()
        : base(RuleCatalog.InteractiveInput)
    {
    }

    protected override void Register(AnalysisContext context) =>
        RegisterOperations(context, Analyze, OperationKind.Invocation, OperationKind.PropertyReference);

    private void Analyze(IOperation operation, Action<Diagnostic> report)
    {
        var member = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            _ => null,
        };
        if (member is not null && ReadingMembers.Contains(member.Name) && OperationValues.IsType(member.ContainingType, "System.Console"))
        {
            report(Finding(
                operation.Syntax.GetLocation(),
                $"Console.{member.Name} reads from a keyboard that a scheduled run does not have: it gets nothing, or waits until the "
                + "timeout when a terminal happens to be attached; take the value from a job parameter instead "
                + "(Job.Parameters[\"name\"], set under parameters: or with --param name=value)"));
        }
    }
}
