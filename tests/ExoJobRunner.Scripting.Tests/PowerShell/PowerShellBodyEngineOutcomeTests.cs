using System.Management.Automation;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;
using Microsoft.Extensions.Logging;
using Microsoft.PowerShell.Commands;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class PowerShellBodyEngineOutcomeTests(PowerShellEngineFixture fixture) : IClassFixture<PowerShellEngineFixture>
{
    [Theory]
    [InlineData(false, 0, 0, 3, 3)]
    [InlineData(true,  7, 4, 10, 7)]
    public async Task Run_ReportsThrowAsFailed_WithMessageAndMappedLocation(
        bool inline, int lineOffset, int columnOffset, int expectedLine, int expectedColumn)
    {
        var log = new RecordingLogger();
        var body = fixture.Body(inline, "'starting'\n\n  throw 'mailbox quota exceeded'\n'never reached'", lineOffset, columnOffset);

        var outcome = await fixture.Engine.RunAsync(body, fixture.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("mailbox quota exceeded", outcome.ErrorMessage);
        Assert.Equal(new SourceLocation(body.FilePath, expectedLine, expectedColumn), outcome.ErrorLocation);
        Assert.Equal(["starting"], log.Messages);
    }

    [Theory]
    [InlineData("throw [System.IO.IOException]::new('disk full')",                typeof(IOException),           "disk full")]
    [InlineData("$ErrorActionPreference = 'Stop'\n[int]::Parse('ten')",           typeof(FormatException),       "'ten' was not in a correct format")]
    [InlineData("Get-Item -LiteralPath '/no/such/mailbox/export' -ErrorAction Stop", typeof(ItemNotFoundException), "Cannot find path '/no/such/mailbox/export'")]
    [InlineData("Write-Error 'stop here' -ErrorAction Stop",                       typeof(WriteErrorException),   "stop here")]
    [InlineData("throw 'plain message'",                                          typeof(RuntimeException),      "plain message")]
    public async Task Run_ReportsTheOriginalException_UnwrappedFromPowerShellWrappers(string code, Type expectedType, string expectedMessage)
    {
        var outcome = await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.IsType(expectedType, outcome.Error);
        Assert.Contains(expectedMessage, outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0, 0, 2, 1)]
    [InlineData(true,  5, 2, 7, 3)]
    public async Task Run_ReportsWriteErrorStop_AtTheWriteErrorLine(
        bool inline, int lineOffset, int columnOffset, int expectedLine, int expectedColumn)
    {
        var body = fixture.Body(inline, "'first'\nWrite-Error 'stop here' -ErrorAction Stop\n'never reached'", lineOffset, columnOffset);

        var outcome = await fixture.Engine.RunAsync(body, fixture.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("stop here", outcome.ErrorMessage);
        Assert.Equal(new SourceLocation(body.FilePath, expectedLine, expectedColumn), outcome.ErrorLocation);
    }

    [Theory]
    [InlineData("'started'\nWrite-Error 'one mailbox skipped'\n'finished'",                  "one mailbox skipped")]
    [InlineData("'started'\nGet-Item -LiteralPath '/no/such/mailbox/export'\n'finished'",    "Cannot find path '/no/such/mailbox/export'")]
    [InlineData("'started'\n1 / 0\n'finished'",                                             "Attempted to divide by zero.")]
    [InlineData("'started'\nGet-ChildItem -Recurse:$true -Depthh 2\n'finished'",            "A parameter cannot be found that matches parameter name 'Depthh'")]
    [InlineData("'started'\nGet-ChildItm\n'finished'",                                      "The term 'Get-ChildItm' is not recognized")]
    public async Task Run_FailsAtTheFirstError_ByDefault(string code, string expectedMessage)
    {
        var log = new RecordingLogger();

        var outcome = await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Contains(expectedMessage, outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(outcome.ErrorLocation!.FilePath, 2, outcome.ErrorLocation.Column), outcome.ErrorLocation);
        Assert.Equal(["started"], log.Messages);
    }

    [Theory]
    [InlineData("Write-Error 'one mailbox skipped'\n'finished'")]
    [InlineData("Get-Item -LiteralPath '/no/such/mailbox/export'\n'finished'")]
    [InlineData("1 / 0\n'finished'")]
    [InlineData("Get-ChildItm\n'finished'")]
    public async Task Run_GoesOnPastErrors_AndCompletesWithErrors_WhenTheJobSaysContinue(string code)
    {
        var log = new RecordingLogger();

        var outcome = await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.ContinuingRequest(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.CompletedWithErrors, outcome.Kind);
        Assert.StartsWith("the body wrote 1 error record(s) and went on; the first: ", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(log.Entries, entry => entry.Level == LogLevel.Error && entry.Message.EndsWith(" at line 1", StringComparison.Ordinal));
        Assert.Equal("finished", log.Messages[^1]);
    }

    [Theory]
    [InlineData(PowerShellErrorAction.Stop)]
    [InlineData(PowerShellErrorAction.Continue)]
    public async Task Run_Succeeds_WhenTheBodySilencesAnExpectedError(PowerShellErrorAction errorAction)
    {
        var log = new RecordingLogger();
        var body = fixture.FileBody("Get-Item -LiteralPath '/no/such/export' -ErrorAction SilentlyContinue\ntry { Write-Error 'handled' -ErrorAction Stop } catch { 'caught' }\n'finished'");

        var outcome = await fixture.Engine.RunAsync(body, fixture.Request(log, errorAction: errorAction), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal("finished", log.Messages[^1]);
    }

    [Fact]
    public async Task Run_CompletesWithErrors_WhenOneCommandSaysContinue_EvenUnderStop()
    {
        var outcome = await fixture.Engine.RunAsync(
            fixture.FileBody("Write-Error 'noted' -ErrorAction Continue\nWrite-Error 'again' -ErrorAction Continue\n'finished'"),
            fixture.Request(new RecordingLogger()),
            CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.CompletedWithErrors, outcome.Kind);
        Assert.StartsWith("the body wrote 2 error record(s) and went on; the first: noted", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exit 3",                          BodyOutcomeKind.Failed,    "the script exited with code 3",  3)]
    [InlineData("function Stop-Report { exit 42 }\nStop-Report", BodyOutcomeKind.Failed, "the script exited with code 42", 42)]
    [InlineData("'done'\nexit 0",                  BodyOutcomeKind.Succeeded, null,                             null)]
    [InlineData("exit",                            BodyOutcomeKind.Succeeded, null,                             null)]
    public async Task Run_ReportsExitCode(string code, BodyOutcomeKind expectedKind, string? expectedMessage, int? expectedExitCode)
    {
        var outcome = await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(expectedKind, outcome.Kind);
        Assert.Equal(expectedMessage, outcome.ErrorMessage);
        Assert.Equal(expectedExitCode, outcome.ExitCode);
    }

    [Fact]
    public async Task Run_ForgetsTheExitCode_OfThePreviousRun()
    {
        await fixture.Engine.RunAsync(fixture.FileBody("exit 5"), fixture.Request(new RecordingLogger()), CancellationToken.None);

        var outcome = await fixture.Engine.RunAsync(fixture.FileBody("'fine'"), fixture.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
    }

    [Theory]
    [InlineData(false, 0, 0, 2, 12)]
    [InlineData(true,  4, 6, 6, 18)]
    public async Task Run_ReportsParseErrorAsInvalid_WithMappedLocation_WithoutRunning(
        bool inline, int lineOffset, int columnOffset, int expectedLine, int expectedColumn)
    {
        var log = new RecordingLogger();
        var body = fixture.Body(inline, "'must not run'\nif ($true) {\n  'x'\n", lineOffset, columnOffset);

        var outcome = await fixture.Engine.RunAsync(body, fixture.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Invalid, outcome.Kind);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("MissingEndCurlyBrace", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(new SourceLocation(body.FilePath, expectedLine, expectedColumn), diagnostic.Location);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task Check_ReportsEveryParseError_InMsBuildFormat()
    {
        var body = fixture.Body(inline: true, "if ({ 'x' ", lineOffset: 9, columnOffset: 2);

        var diagnostics = await fixture.Engine.CheckAsync(body, CancellationToken.None);

        Assert.Equal(
            [
                $"{body.FilePath}(10,7): error MissingEndCurlyBrace: Missing closing '}}' in statement block or type definition.",
                $"{body.FilePath}(10,14): error MissingEndParenthesisAfterStatement: Missing closing ')' after expression in 'if' statement.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public async Task Check_DoesNotRunTheBody()
    {
        var body = fixture.FileBody("Set-Content -LiteralPath (Join-Path $PSScriptRoot 'ran.txt') -Value 'ran'");

        var diagnostics = await fixture.Engine.CheckAsync(body, CancellationToken.None);

        Assert.Empty(diagnostics);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(body.FilePath)!, "ran.txt")));
    }

    [Fact]
    public async Task Run_RejectsACSharpBody()
    {
        var body = new JobBody(BodyLanguage.CSharp, "return 0;", "/jobs/a.csx", IsInline: false, LineOffset: 0, ColumnOffset: 0);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Engine.RunAsync(body, fixture.Request(new RecordingLogger()), CancellationToken.None));

        Assert.Equal("body", error.ParamName);
    }
}
