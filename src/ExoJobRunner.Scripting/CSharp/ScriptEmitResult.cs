using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>The emitted script, or the errors that stopped the emitter (rare once the compilation has none).</summary>
internal sealed record ScriptEmitResult(CompiledScript? Script, IReadOnlyList<ExoDiagnostic> Errors);
