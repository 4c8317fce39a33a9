using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.Analysis;

/// <summary>
/// One entry of the rule catalogue: what <c>exojobs check</c> reports under a stable id, in which languages, and
/// where its documentation page is.
/// </summary>
/// <param name="Id">The stable id (<c>EXO0003</c>): never reused for another meaning, since users suppress and configure by it.</param>
/// <param name="Name">A PascalCase name for tools that show one (SARIF's <c>name</c>).</param>
/// <param name="Title">One line saying what the rule catches; the first line of its docs page repeats it.</param>
/// <param name="DefaultSeverity">The severity unless <c>rules:</c> says otherwise.</param>
/// <param name="Languages">The body languages the rule checks.</param>
public sealed record ExoRule(string Id, string Name, string Title, RuleSeverity DefaultSeverity, RuleLanguages Languages)
{
    /// <summary>The rule's page in the repository's docs/rules folder.</summary>
    public Uri HelpUri => new(RuleCatalog.DocumentationBaseUri, Id + ".md");

    /// <summary>The docs page's file name, also the name of the copy embedded in this assembly.</summary>
    public string DocumentationFileName => Id + ".md";

    public bool AppliesTo(BodyLanguage language) =>
        Languages.HasFlag(language == BodyLanguage.CSharp ? RuleLanguages.CSharp : RuleLanguages.PowerShell);
}
