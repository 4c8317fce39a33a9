using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.Analysis;

/// <summary>
/// The severity each rule has for one body: its default, unless the job's <c>rules:</c> (or the one under
/// <c>defaults:</c>) says otherwise.
/// </summary>
public sealed class RuleSettings
{
    private readonly Dictionary<string, RuleSeverity> _severities;

    private RuleSettings(Dictionary<string, RuleSeverity> severities, IReadOnlyList<ExoDiagnostic> problems)
    {
        _severities = severities;
        Problems = problems;
    }

    /// <summary>One error per <c>rules:</c> entry that names no rule, at the entry's line in the YAML file.</summary>
    public IReadOnlyList<ExoDiagnostic> Problems { get; }

    public static RuleSettings For(JobBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var severities = RuleCatalog.All.ToDictionary(rule => rule.Id, rule => rule.DefaultSeverity, StringComparer.Ordinal);
        var problems = new List<ExoDiagnostic>();
        foreach (var entry in body.RuleOverrides)
        {
            var rule = RuleCatalog.Find(entry.RuleId);
            if (rule is null)
            {
                problems.Add(ExoDiagnostic.Error(
                    ConfigurationDiagnosticIds.UnknownRule,
                    $"'{entry.RuleId}' under rules: is not a rule id; the rules are {string.Join(", ", RuleCatalog.All.Select(known => known.Id))} (docs/rules has a page for each)",
                    entry.Location));
                continue;
            }

            severities[rule.Id] = entry.Severity;
        }

        return new RuleSettings(severities, problems);
    }

    public RuleSeverity SeverityOf(ExoRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _severities[rule.Id];
    }

    /// <summary>Rules whose severity differs from their default, ordered by id: what the compilation's diagnostic options must change.</summary>
    public IEnumerable<KeyValuePair<string, RuleSeverity>> Overridden =>
        RuleCatalog.All
            .Where(rule => _severities[rule.Id] != rule.DefaultSeverity)
            .Select(rule => KeyValuePair.Create(rule.Id, _severities[rule.Id]));
}
