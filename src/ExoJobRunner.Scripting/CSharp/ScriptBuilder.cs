using System.Runtime.CompilerServices;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// The Roslyn side of the C# engine: compile, analyze, emit. Everything that touches Roslyn is reached only through
/// this class, whose methods take and return Roslyn-free types, so that running a cached script never loads
/// Microsoft.CodeAnalysis: JIT-compiling a call to these methods needs only their signatures, which name no Roslyn type.
/// </summary>
internal static class ScriptBuilder
{
    private static readonly CSharpScriptCompiler Compiler = new(CSharpBodyEngine.DefaultImports);

    /// <summary>Every compile error, rule finding and warning of <paramref name="body"/>, errors first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<IReadOnlyList<ExoDiagnostic>> CheckAsync(JobBody body, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(body, cancellationToken);
        return [.. compiled.Errors, .. compiled.Warnings];
    }

    /// <summary>Compiles, analyzes and (when nothing is an error) emits <paramref name="body"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<ScriptBuild> BuildAsync(JobBody body, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(body, cancellationToken);
        if (!compiled.Succeeded)
        {
            return new ScriptBuild(null, compiled.Errors, compiled.Warnings);
        }

        var emitted = ScriptEmitter.Emit(compiled, body, cancellationToken);
        return new ScriptBuild(emitted.Script, emitted.Errors, compiled.Warnings);
    }

    /// <summary>Roslyn compiles synchronously and takes about a second cold: keep it off the caller's thread.</summary>
    private static Task<ScriptCompilationResult> CompileAsync(JobBody body, CancellationToken cancellationToken) =>
        Task.Run(() => Compiler.CompileAsync(body, cancellationToken), cancellationToken);
}
