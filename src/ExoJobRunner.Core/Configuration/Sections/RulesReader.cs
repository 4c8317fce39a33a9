using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>
/// Reads a <c>rules:</c> mapping (<c>rules: { EXO0003: error, EXO0007: none }</c>), under <c>defaults:</c> or in a job
/// file. Which ids exist is the analysis's business (it reports an id no rule has, at this entry's line); here the id
/// must at least have a rule id's shape and the severity must be one of the three.
/// </summary>
internal static class RulesReader
{
    private static readonly Dictionary<string, RuleSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["error"] = RuleSeverity.Error,
        ["warning"] = RuleSeverity.Warning,
        ["none"] = RuleSeverity.None,
    };

    public static IReadOnlyList<RuleSeverityOverride> Read(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return [];
        }

        var overrides = new List<RuleSeverityOverride>();
        foreach (var rule in mapping.Entries)
        {
            if (!IsRuleId(rule.Name))
            {
                file.Error(
                    ConfigurationDiagnosticIds.UnknownRule,
                    $"'{rule.Name}' under rules: is not a rule id; rule ids are EXO followed by four digits, such as EXO0003 (docs/rules lists them)",
                    rule.Key);
                continue;
            }

            var value = file.ReadScalar(rule);
            if (value is null)
            {
                continue;
            }

            if (!Severities.TryGetValue(value.Value.Trim(), out var severity))
            {
                var written = value.Value.Trim();
                var suggestion = Severities.Keys.FirstOrDefault(known => written.Length > 0 && known.StartsWith(written, StringComparison.OrdinalIgnoreCase))
                    ?? EditDistance.ClosestMatch(written, Severities.Keys);
                var advice = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
                file.Error(
                    ConfigurationDiagnosticIds.InvalidValue,
                    $"'{value.Value}' is not a rule severity{advice}; write error, warning or none for {rule.Name}",
                    value);
                continue;
            }

            overrides.Add(new RuleSeverityOverride(rule.Name, severity, file.At(rule.Key)));
        }

        return overrides;
    }

    /// <summary>
    /// The rules a job runs with: those of its own file, then those of <c>defaults:</c> for rules the job does not name.
    /// </summary>
    /// <remarks>With no rules anywhere the result is the shared empty list, so bodies without rules compare equal as records.</remarks>
    public static IReadOnlyList<RuleSeverityOverride> Merge(IReadOnlyList<RuleSeverityOverride> defaults, IReadOnlyList<RuleSeverityOverride> job) =>
        defaults.Count == 0 && job.Count == 0
            ? []
            : [.. job, .. defaults.Where(inherited => !job.Any(own => string.Equals(own.RuleId, inherited.RuleId, StringComparison.Ordinal)))];

    private static bool IsRuleId(string name) =>
        name.Length == 7 && name.StartsWith("EXO", StringComparison.Ordinal) && name[3..].All(char.IsAsciiDigit);
}
