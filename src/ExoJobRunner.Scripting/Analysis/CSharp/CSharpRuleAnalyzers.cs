using System.Collections.Immutable;
using ExoJobRunner.Scripting.Analysis.CSharp.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExoJobRunner.Scripting.Analysis.CSharp;

/// <summary>The analyzers of every catalogue rule that checks C#; they hold no state, so one set serves every compilation.</summary>
internal static class CSharpRuleAnalyzers
{
    public static ImmutableArray<CSharpRuleAnalyzer> All { get; } =
    [
        new InteractiveInputAnalyzer(),
        new HardCodedSecretAnalyzer(),
        new BlockingWaitAnalyzer(),
        new SleepIgnoresCancellationAnalyzer(),
        new SessionManagedInBodyAnalyzer(),
        new ProcessExitAnalyzer(),
        new AsyncVoidAnalyzer(),
        new SwallowedErrorAnalyzer(),
        new MissingResultSizeAnalyzer(),
        new UnjustifiedSuppressionAnalyzer(),
    ];

    public static ImmutableArray<DiagnosticAnalyzer> AsDiagnosticAnalyzers { get; } = [.. All.Cast<DiagnosticAnalyzer>()];
}
