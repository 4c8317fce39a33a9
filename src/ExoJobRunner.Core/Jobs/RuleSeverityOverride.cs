using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Core.Jobs;

/// <summary>
/// One entry of a <c>rules:</c> mapping (<c>EXO0003: error</c>), in the job file or under <c>defaults:</c> in exojobs.yaml.
/// </summary>
/// <param name="RuleId">The rule's id as written, for example <c>EXO0003</c>.</param>
/// <param name="Severity">The severity the job wants for the rule's findings.</param>
/// <param name="Location">Where the entry is written, so an unknown rule id can be reported on its line.</param>
public sealed record RuleSeverityOverride(string RuleId, RuleSeverity Severity, SourceLocation Location);
