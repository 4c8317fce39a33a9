using System.Collections.Immutable;
using ExoJobRunner.Core.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExoJobRunner.Scripting.Analysis.CSharp;

/// <summary>
/// A catalogue rule checked on C# bodies by a Roslyn analyzer: it runs inside the script compilation
/// (<c>CompilationWithAnalyzers</c>), so <c>#pragma warning disable</c> and severity options apply as to any analyzer.
/// </summary>
internal abstract class CSharpRuleAnalyzer : DiagnosticAnalyzer
{
    private const string Category = "Unattended";

    protected CSharpRuleAnalyzer(ExoRule rule)
    {
        Rule = rule;
        Descriptor = new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            messageFormat: "{0}",
            Category,
            ToRoslyn(rule.DefaultSeverity),
            isEnabledByDefault: true,
            helpLinkUri: rule.HelpUri.ToString());
    }

    public ExoRule Rule { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    private DiagnosticDescriptor Descriptor { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        Register(context);
    }

    /// <summary>The option that gives a rule the severity a job's <c>rules:</c> asks for.</summary>
    public static ReportDiagnostic ToReportDiagnostic(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => ReportDiagnostic.Error,
        RuleSeverity.Warning => ReportDiagnostic.Warn,
        _ => ReportDiagnostic.Suppress,
    };

    protected abstract void Register(AnalysisContext context);

    /// <summary>
    /// Calls <paramref name="analyze"/> for every operation of the given kinds, the script's top-level statements
    /// included: Roslyn runs operation actions over method bodies and field initializers (a script's top-level
    /// variables), but not over a script's other top-level statements, which are most of a job body. Those are walked
    /// here from the syntax tree, and the operation action leaves them alone so nothing is reported twice.
    /// </summary>
    protected static void RegisterOperations(AnalysisContext context, Action<IOperation, Action<Diagnostic>> analyze, params OperationKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(analyze);
        context.RegisterOperationAction(
            operation =>
            {
                if (operation.Operation.Syntax.FirstAncestorOrSelf<GlobalStatementSyntax>() is null)
                {
                    analyze(operation.Operation, operation.ReportDiagnostic);
                }
            },
            kinds);
        context.RegisterSyntaxNodeAction(
            node =>
            {
                var statement = ((GlobalStatementSyntax)node.Node).Statement;
                var root = node.SemanticModel.GetOperation(statement, node.CancellationToken);
                foreach (var operation in root?.DescendantsAndSelf().Where(operation => kinds.Contains(operation.Kind)) ?? [])
                {
                    analyze(operation, node.ReportDiagnostic);
                }
            },
            SyntaxKind.GlobalStatement);
    }

    protected Diagnostic Finding(Location location, string message) =>
        Diagnostic.Create(Descriptor, location, message);

    private static DiagnosticSeverity ToRoslyn(RuleSeverity severity) =>
        severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
}
