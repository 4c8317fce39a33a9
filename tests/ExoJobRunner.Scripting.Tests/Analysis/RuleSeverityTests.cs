using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Analysis.PowerShell;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.Tests.Analysis.Support;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;
using static ExoJobRunner.Scripting.Tests.Analysis.Support.BodyWorkspace;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary><c>rules:</c> in a job file or under <c>defaults:</c> changes what a rule's findings are, for check and for run.</summary>
public sealed class RuleSeverityTests : IClassFixture<PowerShellEngineFixture>, IDisposable
{
    private readonly BodyWorkspace _workspace = new();
    private readonly PowerShellEngineFixture _powerShell;

    public RuleSeverityTests(PowerShellEngineFixture powerShell)
    {
        _powerShell = powerShell;
    }

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "var text = File.ReadAllTextAsync(\"a.txt\").Result;", "EXO0003")]
    [InlineData(BodyLanguage.PowerShell, "$all = Get-Mailbox",                                  "EXO0009")]
    public async Task Check_ReportsWarningRuleAsError_WhenTheJobRaisesIt(BodyLanguage language, string code, string ruleId)
    {
        var defaultBody = _workspace.FileBody(language, code);
        var raisedBody = _workspace.FileBody(language, code, Rule(ruleId, RuleSeverity.Error));

        var byDefault = Assert.Single(await RuleFindings.OfAsync(defaultBody), diagnostic => diagnostic.Id == ruleId);
        var raised = Assert.Single(await RuleFindings.OfAsync(raisedBody), diagnostic => diagnostic.Id == ruleId);

        Assert.Equal(DiagnosticSeverity.Warning, byDefault.Severity);
        Assert.Equal(DiagnosticSeverity.Error, raised.Severity);
    }

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "var name = Console.ReadLine();",    "EXO0001")]
    [InlineData(BodyLanguage.CSharp,     "var password = \"Winter2024!\";",   "EXO0002")]
    [InlineData(BodyLanguage.PowerShell, "$name = Read-Host 'name'",          "EXO0001")]
    [InlineData(BodyLanguage.PowerShell, "try { 1 } catch { }",               "EXO0008")]
    public async Task Check_DoesNotRunRule_WhenTheJobSetsItToNone(BodyLanguage language, string code, string ruleId)
    {
        var body = _workspace.FileBody(language, code, Rule(ruleId, RuleSeverity.None));

        var diagnostics = await RuleFindings.OfAsync(body);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "EXO0099")]
    [InlineData(BodyLanguage.PowerShell, "EXO0099")]
    [InlineData(BodyLanguage.CSharp,     "EXO0000")]
    public async Task Check_ReportsRuleIdThatNamesNoRule_AtItsYamlLine(BodyLanguage language, string ruleId)
    {
        var yaml = _workspace.Write("exojobs.yaml", "defaults:\n  rules:\n    " + ruleId + ": error\n");
        var body = _workspace.FileBody(language, language == BodyLanguage.CSharp ? "var total = 1;" : "$total = 1", Rule(ruleId, RuleSeverity.Error, yaml, line: 3));

        var diagnostics = await RuleFindings.OfAsync(body);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("EXOCFG029", DiagnosticSeverity.Error, new SourceLocation(yaml, 3, 3)), (error.Id, error.Severity, error.Location));
        Assert.StartsWith($"'{ruleId}' under rules: is not a rule id; the rules are EXO0001, EXO0002,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RefusesCSharpBody_WhenAWarningRuleIsRaisedToError()
    {
        var body = _workspace.FileBody(
            BodyLanguage.CSharp,
            "File.WriteAllText(Path.Combine(Job.OutputDirectory, \"ran.txt\"), \"ran\");\nThread.Sleep(1);",
            Rule("EXO0004", RuleSeverity.Error));
        var request = _powerShell.Request(new RecordingLogger());

        var outcome = await new CSharpBodyEngine().RunAsync(body, request, CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(("EXO0004", DiagnosticSeverity.Error), (outcome.Diagnostics[0].Id, outcome.Diagnostics[0].Severity));
        Assert.False(File.Exists(Path.Combine(request.Job.OutputDirectory, "ran.txt")), "a refused body must not run");
    }

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "var password = \"Winter2024!\";\nFile.WriteAllText(Path.Combine(Job.OutputDirectory, \"ran.txt\"), \"ran\");")]
    [InlineData(BodyLanguage.PowerShell, "$password = 'Winter2024!'\nSet-Content -Path (Join-Path $Job.OutputDirectory 'ran.txt') -Value 'ran'")]
    public async Task Run_RunsBody_WhenItsOnlyErrorRuleIsSetToNone(BodyLanguage language, string code)
    {
        var body = _workspace.FileBody(language, code, Rule("EXO0002", RuleSeverity.None));
        var request = _powerShell.Request(new RecordingLogger());
        IJobBodyEngine engine = language == BodyLanguage.CSharp ? new CSharpBodyEngine() : new PowerShellRuleCheckingEngine(_powerShell.Engine);

        var outcome = await engine.RunAsync(body, request, CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.True(File.Exists(Path.Combine(request.Job.OutputDirectory, "ran.txt")), "the body should have run");
    }
}
