using System.Globalization;

namespace ExoJobRunner.Core.Diagnostics;

/// <summary>
/// One problem found in configuration or a job body, printed MSBuild-style so editors and CI
/// annotate the right line: <c>jobs/report.yaml(4,3): error EXOCFG002: unknown key 'schedul'</c>.
/// </summary>
public sealed record ExoDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation? Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static ExoDiagnostic Error(string id, string message, SourceLocation? location) =>
        new(id, DiagnosticSeverity.Error, message, location);

    public static ExoDiagnostic Warning(string id, string message, SourceLocation? location) =>
        new(id, DiagnosticSeverity.Warning, message, location);

    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Location is null
            ? string.Create(CultureInfo.InvariantCulture, $"{severity} {Id}: {Message}")
            : string.Create(CultureInfo.InvariantCulture, $"{Location}: {severity} {Id}: {Message}");
    }
}
