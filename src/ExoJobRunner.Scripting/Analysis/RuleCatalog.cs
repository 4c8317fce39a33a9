using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.Analysis;

/// <summary>
/// Every rule <c>exojobs check</c> runs on job bodies. Each catches something that works when a person runs the job
/// at a desk and fails, hangs or leaks at 3 a.m. when the scheduler runs it alone. docs/rules has one page per rule;
/// a test fails when this list and the pages drift apart.
/// </summary>
public static class RuleCatalog
{
    /// <summary>
    /// Where the docs/rules pages are published; SARIF's help links point here. One place to change when the
    /// repository moves.
    /// </summary>
    public static readonly Uri DocumentationBaseUri = new("https://github.com/exojobs/exojobs/blob/main/docs/rules/");

    public static readonly ExoRule InteractiveInput = new(
        "EXO0001", "InteractiveInput", "Interactive input in an unattended job", RuleSeverity.Error, RuleLanguages.Both);

    public static readonly ExoRule HardCodedSecret = new(
        "EXO0002", "HardCodedSecret", "Hard-coded secret", RuleSeverity.Error, RuleLanguages.Both);

    public static readonly ExoRule BlockingWait = new(
        "EXO0003", "BlockingWait", "Blocking wait on asynchronous work", RuleSeverity.Warning, RuleLanguages.CSharp);

    public static readonly ExoRule SleepIgnoresCancellation = new(
        "EXO0004", "SleepIgnoresCancellation", "Sleep that ignores cancellation", RuleSeverity.Warning, RuleLanguages.Both);

    public static readonly ExoRule SessionManagedInBody = new(
        "EXO0005", "SessionManagedInBody", "Connecting to or disconnecting from Exchange Online in a body", RuleSeverity.Warning, RuleLanguages.Both);

    public static readonly ExoRule ProcessExit = new(
        "EXO0006", "ProcessExit", "Ending the process from a body", RuleSeverity.Warning, RuleLanguages.Both);

    public static readonly ExoRule AsyncVoid = new(
        "EXO0007", "AsyncVoid", "async void method or lambda", RuleSeverity.Warning, RuleLanguages.CSharp);

    public static readonly ExoRule SwallowedError = new(
        "EXO0008", "SwallowedError", "Catch-all block that swallows the error", RuleSeverity.Warning, RuleLanguages.Both);

    public static readonly ExoRule MissingResultSize = new(
        "EXO0009", "MissingResultSize", "Paged Exchange read without a result size", RuleSeverity.Warning, RuleLanguages.Both);

    public static readonly ExoRule UnjustifiedSuppression = new(
        "EXO0010", "UnjustifiedSuppression", "Rule suppressed without a justification", RuleSeverity.Warning, RuleLanguages.Both);

    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<ExoRule> All { get; } =
    [
        InteractiveInput,
        HardCodedSecret,
        BlockingWait,
        SleepIgnoresCancellation,
        SessionManagedInBody,
        ProcessExit,
        AsyncVoid,
        SwallowedError,
        MissingResultSize,
        UnjustifiedSuppression,
    ];

    /// <summary>The rule with <paramref name="id"/> (compared ignoring case), or null.</summary>
    public static ExoRule? Find(string id) =>
        All.FirstOrDefault(rule => string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase));
}
