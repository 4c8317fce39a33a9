using System.Runtime.InteropServices;
using ExoJobRunner.Core.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>Emits a compiled C# body to an in-memory assembly and portable PDB.</summary>
internal static class ScriptEmitter
{
    private static readonly EmitOptions Options = new(debugInformationFormat: DebugInformationFormat.PortablePdb);

    public static ScriptEmitResult Emit(ScriptCompilationResult compiled, JobBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(body);

        using var peStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var result = compiled.Compilation.Emit(peStream, pdbStream, options: Options, cancellationToken: cancellationToken);
        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => ScriptDiagnosticMapper.Map(diagnostic, body, compiled.MainTree))
                .OfType<Core.Diagnostics.ExoDiagnostic>()
                .ToList();
            return new ScriptEmitResult(null, errors);
        }

        var script = new CompiledScript(
            compiled.Compilation.AssemblyName ?? CSharpScriptCompiler.ScriptClassName,
            CSharpScriptCompiler.ScriptClassName,
            ImmutableCollectionsMarshal.AsImmutableArray(peStream.ToArray()),
            ImmutableCollectionsMarshal.AsImmutableArray(pdbStream.ToArray()),
            [.. compiled.Compilation.SyntaxTrees.Select(tree => tree.FilePath)]);
        return new ScriptEmitResult(script, []);
    }
}
