using System.Collections.Immutable;
using ExoJobRunner.Core.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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

    protected Diagnostic Finding(Location location, string message) =>
        Diagnostic.Create(Descriptor, location, message);

    private static DiagnosticSeverity ToRoslyn(RuleSeverity severity) =>
        severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
}
