using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary><c>rules:</c> under <c>defaults:</c> and in job files: read with their lines, merged with the job's entry winning.</summary>
public sealed class RulesConfigurationTests
{
    [Fact]
    public void Load_GivesEveryJobTheDefaultRules_AndLetsAJobOverrideThem()
    {
        using var folder = ConfigFolder.FromLayout("""
            #> exojobs.yaml
            defaults:
              rules:
                EXO0003: error
                EXO0009: none
            #> jobs/strict.yaml
            csharp: return;
            rules: { EXO0009: warning, EXO0007: error }
            #> jobs/plain.yaml
            csharp: return;
            """);

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var strict = result.Configuration!.FindJob("strict")!.Body.RuleOverrides;
        var plain = result.Configuration.FindJob("plain")!.Body.RuleOverrides;
        Assert.Equal(
            [("EXO0009", RuleSeverity.Warning, folder.PathOf("jobs/strict.yaml"), 2), ("EXO0007", RuleSeverity.Error, folder.PathOf("jobs/strict.yaml"), 2), ("EXO0003", RuleSeverity.Error, folder.ConfigPath, 3)],
            strict.Select(rule => (rule.RuleId, rule.Severity, rule.Location.FilePath, rule.Location.Line)));
        Assert.Equal(
            [("EXO0003", RuleSeverity.Error, 3), ("EXO0009", RuleSeverity.None, 4)],
            plain.Select(rule => (rule.RuleId, rule.Severity, rule.Location.Line)));
    }

    [Theory]
    [InlineData("rules: { EXO0003: fatal }",        ConfigurationDiagnosticIds.InvalidValue, "'fatal' is not a rule severity; write error, warning or none for EXO0003")]
    [InlineData("rules: { EXO0003: warn }",         ConfigurationDiagnosticIds.InvalidValue, "'warn' is not a rule severity (did you mean 'warning'?); write error, warning or none for EXO0003")]
    [InlineData("rules: { EXO0003: Error }",        ConfigurationDiagnosticIds.InvalidValue, "'Error' is not a rule severity (did you mean 'error'?)")]
    [InlineData("rules: { EXO3: error }",           ConfigurationDiagnosticIds.UnknownRule,  "'EXO3' under rules: is not a rule id; rule ids are EXO followed by four digits, such as EXO0003 (docs/rules lists them)")]
    [InlineData("rules: { exo0003: error }",        ConfigurationDiagnosticIds.UnknownRule,  "'exo0003' under rules: is not a rule id")]
    [InlineData("rules: [EXO0003]",                 ConfigurationDiagnosticIds.WrongType,    "")]
    public void Load_ReportsABadRulesEntry_InTheJobFile(string rulesLine, string expectedId, string expectedMessageStart)
    {
        using var folder = ConfigFolder.FromLayout($"""
            #> exojobs.yaml
            #> jobs/report.yaml
            csharp: return;
            {rulesLine}
            """);

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((expectedId, DiagnosticSeverity.Error, folder.PathOf("jobs/report.yaml"), 2), (error.Id, error.Severity, error.Location!.FilePath, error.Location.Line));
        Assert.StartsWith(expectedMessageStart, error.Message, StringComparison.Ordinal);
    }
}
