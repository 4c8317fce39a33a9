using System.Globalization;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using Microsoft.CodeAnalysis;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>Turns Roslyn diagnostics into <see cref="ExoDiagnostic"/>s that point at the user's own file and line.</summary>
internal static class ScriptDiagnosticMapper
{
    /// <summary>
    /// Maps <paramref name="diagnostic"/>, or returns null for the hidden and info ones (and suppressed ones)
    /// that nobody acts on.
    /// </summary>
    public static ExoDiagnostic? Map(Diagnostic diagnostic, JobBody body, SyntaxTree mainTree)
    {
        if (diagnostic.IsSuppressed)
        {
            return null;
        }

        var severity = diagnostic.Severity switch
        {
            RoslynSeverity.Error => Core.Diagnostics.DiagnosticSeverity.Error,
            RoslynSeverity.Warning => Core.Diagnostics.DiagnosticSeverity.Warning,
            _ => (Core.Diagnostics.DiagnosticSeverity?)null,
        };
        if (severity is null)
        {
            return null;
        }

        return new ExoDiagnostic(
            diagnostic.Id,
            severity.Value,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            MapLocation(diagnostic.Location, body, mainTree));
    }

    private static SourceLocation? MapLocation(Location location, JobBody body, SyntaxTree mainTree)
    {
        if (!location.IsInSource)
        {
            return null;
        }

        // The mapped span names the tree the problem is in: a #load'ed helper reports its own path and lines,
        // which need no offsets; only the main tree may be a block scalar inside a YAML file.
        var span = location.GetMappedLineSpan();
        var line = span.StartLinePosition.Line + 1;
        var column = span.StartLinePosition.Character + 1;
        return location.SourceTree == mainTree && !span.HasMappedPath
            ? body.MapLocation(line, column)
            : new SourceLocation(span.Path, line, column);
    }
}
