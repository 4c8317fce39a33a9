using System.Management.Automation.Language;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>
/// Runs the catalogue's rules over a PowerShell body's syntax tree, at the severities the job sets, honouring
/// <c># exojobs-disable-next-line</c> comments, and maps findings to the user's file (the YAML file for inline bodies).
/// </summary>
public static class PowerShellBodyAnalyzer
{
    /// <summary>
    /// The rule findings of <paramref name="body"/>, plus an error for each <c>rules:</c> entry that names no rule. A body
    /// that does not parse gets no findings: its parse errors (reported by the engine) come first.
    /// </summary>
    public static IReadOnlyList<ExoDiagnostic> Analyze(JobBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var settings = RuleSettings.For(body);
        var script = Parser.ParseInput(body.Code, body.FilePath, out var tokens, out var parseErrors);
        if (parseErrors.Length > 0)
        {
            return settings.Problems;
        }

        var suppressions = SuppressionComment.Find(tokens);
        var findings = PowerShellRules.All
            .Where(rule => settings.SeverityOf(rule.Rule) != RuleSeverity.None)
            .SelectMany(rule => rule.Analyze(script))
            .Concat(UnjustifiedSuppressions(suppressions))
            .Where(finding => settings.SeverityOf(finding.Rule) != RuleSeverity.None)
            .Where(finding => !suppressions.Any(suppression => suppression.Silences(finding.Rule.Id, finding.Line)))
            .DistinctBy(finding => (finding.Rule.Id, finding.Line, finding.Column))
            .OrderBy(finding => finding.Line)
            .ThenBy(finding => finding.Column)
            .Select(finding => new ExoDiagnostic(
                finding.Rule.Id,
                settings.SeverityOf(finding.Rule) == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                finding.Message,
                body.MapLocation(finding.Line, finding.Column)));
        return [.. settings.Problems, .. findings];
    }

    private static IEnumerable<PowerShellFinding> UnjustifiedSuppressions(IEnumerable<SuppressionComment> suppressions) =>
        suppressions
            .Where(suppression => suppression.Justification is null)
            .Select(suppression => new PowerShellFinding(
                RuleCatalog.UnjustifiedSuppression,
                suppression.Line,
                suppression.Column,
                $"this {SuppressionComment.Keyword} comment silences {string.Join(", ", suppression.RuleIds)} without saying why; add the "
                + "reason after a colon so the next reader does not have to guess: "
                + $"# {SuppressionComment.Keyword} {string.Join(", ", suppression.RuleIds)}: why the finding is safe here"));
}
