using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Analysis.PowerShell;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary>The PowerShell engine with the rules in front of it: what <c>exojobs run</c> does with a PowerShell body.</summary>
public sealed class PowerShellRuleCheckingEngineTests : IClassFixture<PowerShellEngineFixture>
{
    private readonly PowerShellEngineFixture _fixture;
    private readonly PowerShellRuleCheckingEngine _engine;

    public PowerShellRuleCheckingEngineTests(PowerShellEngineFixture fixture)
    {
        _fixture = fixture;
        _engine = new PowerShellRuleCheckingEngine(fixture.Engine);
    }

    [Fact]
    public async Task Run_RefusesBodyWithAnErrorFinding_WithoutRunningIt()
    {
        var body = _fixture.FileBody("Set-Content -Path (Join-Path $Job.OutputDirectory 'ran.txt') -Value 'ran'\n$name = Read-Host 'name'");
        var request = _fixture.Request(new RecordingLogger());

        var outcome = await _engine.RunAsync(body, request, CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(("EXO0001", DiagnosticSeverity.Error, 2), (outcome.Diagnostics[0].Id, outcome.Diagnostics[0].Severity, outcome.Diagnostics[0].Location!.Line));
        Assert.False(File.Exists(Path.Combine(request.Job.OutputDirectory, "ran.txt")), "a refused body must not run");
    }

    [Fact]
    public async Task Run_RunsBodyWithWarnings_AndReturnsThemWithTheOutcome()
    {
        var body = _fixture.FileBody("try { Set-Content -Path (Join-Path $Job.OutputDirectory 'ran.txt') -Value 'ran' } catch { }");
        var request = _fixture.Request(new RecordingLogger());

        var outcome = await _engine.RunAsync(body, request, CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(("EXO0008", DiagnosticSeverity.Warning), (Assert.Single(outcome.Diagnostics).Id, outcome.Diagnostics[0].Severity));
        Assert.True(File.Exists(Path.Combine(request.Job.OutputDirectory, "ran.txt")), "the body should have run");
    }

    [Fact]
    public async Task Run_ReportsOnlyTheParseErrors_WhenTheBodyDoesNotParse()
    {
        var body = _fixture.FileBody("$password = 'Winter2024!'\n$x = (");

        var outcome = await _engine.RunAsync(body, _fixture.Request(new RecordingLogger()), CancellationToken.None);

        // Rules look at a syntax tree the parser could build; until it can, the parse errors are what to fix.
        Assert.Equal(BodyOutcomeKind.Invalid, outcome.Kind);
        Assert.NotEmpty(outcome.Diagnostics);
        Assert.All(outcome.Diagnostics, diagnostic => Assert.False(diagnostic.Id.StartsWith("EXO", StringComparison.Ordinal), diagnostic.ToString()));
    }
}
