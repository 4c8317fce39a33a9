using ExoJobRunner.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>A compiled (not yet emitted) C# body with its diagnostics already mapped and split.</summary>
/// <param name="Compilation">The script compilation: the body's tree plus one tree per <c>#load</c>ed file.</param>
/// <param name="MainTree">The body's own tree, the one whose locations map through the body's offsets.</param>
/// <param name="Errors">Errors; when any, the body must not run.</param>
/// <param name="Warnings">Warnings, reported alongside the run's outcome.</param>
internal sealed record ScriptCompilationResult(
    CSharpCompilation Compilation,
    SyntaxTree MainTree,
    IReadOnlyList<ExoDiagnostic> Errors,
    IReadOnlyList<ExoDiagnostic> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}
