using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// A C# body made ready to run, in types that do not involve Roslyn (so a cache hit can produce one without loading it).
/// </summary>
/// <param name="Script">The emitted script; null when <paramref name="Errors"/> stop the body from running.</param>
/// <param name="Errors">Compile errors and rule findings at error severity.</param>
/// <param name="Warnings">Compiler warnings and rule findings at warning severity, reported with every run.</param>
internal sealed record ScriptBuild(CompiledScript? Script, IReadOnlyList<ExoDiagnostic> Errors, IReadOnlyList<ExoDiagnostic> Warnings);
