using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class PowerShellBodyEngineStreamTests(PowerShellEngineFixture fixture) : IClassFixture<PowerShellEngineFixture>
{
    [Theory]
    [InlineData("'text'",                    LogLevel.Information, "PowerShellOutput",      "text")]
    [InlineData("Write-Output 'text'",       LogLevel.Information, "PowerShellOutput",      "text")]
    [InlineData("Write-Host 'text'",         LogLevel.Information, "PowerShellInformation", "text")]
    [InlineData("Write-Information 'text'",  LogLevel.Information, "PowerShellInformation", "text")]
    [InlineData("Write-Warning 'text'",      LogLevel.Warning,     "PowerShellWarning",     "text")]
    [InlineData("Write-Error 'text'",        LogLevel.Error,       "PowerShellErrorInBody", "text at line 1")]
    [InlineData("Write-Verbose 'text'",      LogLevel.Debug,       "PowerShellVerbose",     "text")]
    [InlineData("Write-Debug 'text'",        LogLevel.Trace,       "PowerShellDebug",       "text")]
    public async Task Run_LogsEachStream_AtItsLevel(string code, LogLevel level, string eventName, string message)
    {
        var log = new RecordingLogger();

        await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.ContinuingRequest(log), CancellationToken.None);

        Assert.Equal([new LogEntry(level, eventName, message)], log.Entries);
    }

    [Fact]
    public async Task Run_LogsStreams_InTheOrderTheBodyWroteThem()
    {
        var log = new RecordingLogger();
        var body = fixture.FileBody("""
            'one'
            Write-Warning 'two'
            Write-Host 'three'
            Write-Error 'four'
            'five'
            """);

        await fixture.Engine.RunAsync(body, fixture.ContinuingRequest(log), CancellationToken.None);

        Assert.Equal(["one", "two", "three", "four at line 4", "five"], log.Messages);
    }

    [Theory]
    [InlineData(false, 0, 0, 3)]
    [InlineData(true, 12, 4, 15)]
    public async Task Run_LogsErrorLine_MappedToTheUsersFile(bool inline, int lineOffset, int columnOffset, int expectedLine)
    {
        var log = new RecordingLogger();
        var body = fixture.Body(inline, "'a'\n'b'\nGet-Item -LiteralPath '/no/such/mailbox/export'", lineOffset, columnOffset);

        await fixture.Engine.RunAsync(body, fixture.ContinuingRequest(log), CancellationToken.None);

        var error = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Equal($"Cannot find path '/no/such/mailbox/export' because it does not exist. at line {expectedLine}", error.Message);
    }

    [Fact]
    public async Task Run_LogsErrorInDotSourcedFile_WithThatFilesPathAndLine()
    {
        var log = new RecordingLogger();
        var body = fixture.FileBody(". ./helpers.ps1\n\nInvoke-Helper");
        var helpersPath = Path.Combine(Path.GetDirectoryName(body.FilePath)!, "helpers.ps1");
        await File.WriteAllTextAsync(helpersPath, "function Invoke-Helper {\n    Get-Item -LiteralPath '/no/such/export'\n}\n");

        await fixture.Engine.RunAsync(body, fixture.ContinuingRequest(log), CancellationToken.None);

        var error = Assert.Single(log.Entries);
        Assert.Equal(new LogEntry(LogLevel.Error, "PowerShellErrorInOtherFile", $"Cannot find path '/no/such/export' because it does not exist. at {helpersPath} line 2"), error);
    }

    [Theory]
    [InlineData("'  padded  '", "  padded  ")]
    [InlineData("42", "42")]
    [InlineData("[pscustomobject]@{ Mailbox = 'alice@contoso.com'; SizeMB = 512 }", "Mailbox           SizeMB\n-------           ------\nalice@contoso.com    512")]
    [InlineData("[pscustomobject]@{ Mailbox = 'alice@contoso.com' } | Format-List", "Mailbox : alice@contoso.com")]
    [InlineData("'alice', 'bob' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Format-Table", "Name\n----\nalice\nbob")]
    public async Task Run_LogsOutput_StringsAsIsAndObjectsFormattedAndTrimmed(string code, string expected)
    {
        var log = new RecordingLogger();

        await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.Request(log), CancellationToken.None);

        Assert.Equal([expected], log.Messages);
    }

    [Fact]
    public async Task Run_SkipsVerboseAndDebugRecords_WhenTheLogDoesNotKeepThem()
    {
        var log = new RecordingLogger(LogLevel.Information);
        var body = fixture.FileBody("Write-Verbose 'v'\nWrite-Debug 'd'\n\"$VerbosePreference $DebugPreference\"");

        var outcome = await fixture.Engine.RunAsync(body, fixture.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(["SilentlyContinue SilentlyContinue"], log.Messages);
    }
}
