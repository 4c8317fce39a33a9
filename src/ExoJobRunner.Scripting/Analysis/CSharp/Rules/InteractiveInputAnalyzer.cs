using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp.Rules;

/// <summary>EXO0001: reading the console, which waits forever for a keyboard a scheduled run does not have.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InteractiveInputAnalyzer : CSharpRuleAnalyzer
{
    private static readonly HashSet<string> ReadingMembers = new(StringComparer.Ordinal) { "Read", "ReadKey", "ReadLine", "OpenStandardInput", "In" };

    public InteractiveInputAnalyzer()
        : base(RuleCatalog.InteractiveInput)
    {
    }

    protected override void Register(AnalysisContext context)
    {
        context.RegisterOperationAction(
            operation =>
            {
                var member = operation.Operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IPropertyReferenceOperation property => (ISymbol)property.Property,
                    _ => null,
                };
                if (member is not null && ReadingMembers.Contains(member.Name) && OperationValues.IsType(member.ContainingType, "System.Console"))
                {
                    operation.ReportDiagnostic(Finding(
                        operation.Operation.Syntax.GetLocation(),
                        $"Console.{member.Name} waits for keyboard input that a scheduled run never gets, so the job hangs until its timeout; "
                        + "take the value from a job parameter instead (Job.Parameters[\"name\"], set under parameters: or with --param name=value)"));
                }
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference);
    }
}
