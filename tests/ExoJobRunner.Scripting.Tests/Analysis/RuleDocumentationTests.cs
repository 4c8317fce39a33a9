using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.Analysis;
using ExoJobRunner.Scripting.Analysis.CSharp;
using ExoJobRunner.Scripting.Analysis.PowerShell;
using ExoJobRunner.Scripting.Tests.Analysis.Support;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary>
/// The rule catalogue, its implementations and docs/rules must not drift apart: one page per rule, named after its id,
/// saying what the catalogue says, with a wrong and a right example per language that the rule really tells apart.
/// </summary>
public sealed class RuleDocumentationTests : IDisposable
{
    private readonly BodyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Select(rule => rule.Id)];

    public static TheoryData<string, BodyLanguage> RuleLanguages()
    {
        var data = new TheoryData<string, BodyLanguage>();
        foreach (var rule in RuleCatalog.All)
        {
            foreach (var language in Enum.GetValues<BodyLanguage>().Where(rule.AppliesTo))
            {
                data.Add(rule.Id, language);
            }
        }

        return data;
    }

    [Fact]
    public void Docs_HaveAPagePerRule_AndNoPageWithoutARule()
    {
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id).Order(StringComparer.Ordinal), RulePage.DocumentedIds());
    }

    [Fact]
    public void Catalogue_IdsAreUnique_AndInOrder()
    {
        var ids = RuleCatalog.All.Select(rule => rule.Id).ToList();

        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Implementations_CoverExactlyTheLanguagesTheCatalogueNames()
    {
        var csharp = CSharpRuleAnalyzers.All.Select(analyzer => analyzer.Rule.Id).Order(StringComparer.Ordinal);
        var powerShell = PowerShellRules.All.Select(rule => rule.Rule.Id)
            .Append(RuleCatalog.UnjustifiedSuppression.Id) // reported from the suppression comments, not by a syntax visitor
            .Order(StringComparer.Ordinal);

        Assert.Equal(RuleCatalog.All.Where(rule => rule.AppliesTo(BodyLanguage.CSharp)).Select(rule => rule.Id), csharp);
        Assert.Equal(RuleCatalog.All.Where(rule => rule.AppliesTo(BodyLanguage.PowerShell)).Select(rule => rule.Id), powerShell);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Page_StatesTheRulesTitleSeverityAndLanguages(string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId)!;
        var page = RulePage.Read(ruleId);

        Assert.Equal($"# {rule.Id}: {rule.Title}", page.Lines[0]);
        Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), page.Fact("Default severity"));
        Assert.Equal(LanguagesText(rule), page.Fact("Languages"));
        Assert.True(page.HasHeading("## What it catches"), $"{page.Path} has no '## What it catches'");
        Assert.True(page.HasHeading("## Why it matters unattended"), $"{page.Path} has no '## Why it matters unattended'");
        foreach (var language in Enum.GetValues<BodyLanguage>())
        {
            var expected = rule.AppliesTo(language);
            Assert.True(expected == (page.Example(language, "Wrong") is not null), $"{page.Path}: a wrong {language} example is {(expected ? "missing" : "there, for a language the rule does not check")}");
            Assert.True(expected == (page.Example(language, "Right") is not null), $"{page.Path}: a right {language} example is {(expected ? "missing" : "there, for a language the rule does not check")}");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EmbeddedPage_IsThePageInTheRepository(string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId)!;

        Assert.Equal(File.ReadAllText(RulePage.Read(ruleId).Path), RuleDocumentation.Markdown(rule));
    }

    [Fact]
    public void Readme_ListsEveryRule_WithItsTitleSeverityAndLanguages()
    {
        var rows = File.ReadLines(Path.Combine(RulePage.Directory, "README.md"))
            .Where(line => line.StartsWith("| [EXO", StringComparison.Ordinal))
            .ToList();

        var expected = RuleCatalog.All.Select(rule =>
            $"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {rule.DefaultSeverity.ToString().ToLowerInvariant()} | {LanguagesText(rule)} |");
        Assert.Equal(expected, rows);
    }

    [Theory]
    [MemberData(nameof(RuleLanguages))]
    public async Task WrongExample_IsValidCode_ThatTheRuleReports(string ruleId, BodyLanguage language)
    {
        var code = RulePage.Read(ruleId).Example(language, "Wrong")!;

        var diagnostics = await RuleFindings.OfAsync(_workspace.FileBody(language, code));

        RuleFindings.AssertValidCode(diagnostics);
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == ruleId);
    }

    [Theory]
    [MemberData(nameof(RuleLanguages))]
    public async Task RightExample_IsValidCode_ThatTheRuleAccepts(string ruleId, BodyLanguage language)
    {
        var code = RulePage.Read(ruleId).Example(language, "Right")!;

        var diagnostics = await RuleFindings.OfAsync(_workspace.FileBody(language, code));

        RuleFindings.AssertValidCode(diagnostics);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == ruleId);
    }

    private static string LanguagesText(ExoRule rule) =>
        string.Join(", ", Enum.GetValues<BodyLanguage>().Where(rule.AppliesTo).Select(language => language == BodyLanguage.CSharp ? "C#" : "PowerShell"));
}
