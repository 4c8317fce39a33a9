using System.Management.Automation.Language;
using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>A parsed body: the syntax tree to run, and its parse errors mapped to the user's file.</summary>
internal sealed record PowerShellParseResult(ScriptBlockAst Ast, IReadOnlyList<ExoDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Count > 0;
}
