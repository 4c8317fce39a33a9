using System.Management.Automation.Language;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>Parses a PowerShell body and reports its parse errors where the user wrote them.</summary>
internal static class PowerShellBodyParser
{
    public static PowerShellParseResult Parse(JobBody body)
    {
        // Naming the body's file makes the script block remember it: $PSScriptRoot and $PSCommandPath resolve to it,
        // and runtime errors carry it as their ScriptName, which is how they are told apart from errors in
        // dot-sourced files.
        var ast = Parser.ParseInput(body.Code, body.FilePath, out _, out var errors);
        var diagnostics = errors
            .Select(error => ExoDiagnostic.Error(
                error.ErrorId,
                error.Message,
                body.MapLocation(error.Extent.StartLineNumber, error.Extent.StartColumnNumber)))
            .ToArray();
        return new PowerShellParseResult(ast, diagnostics);
    }
}
