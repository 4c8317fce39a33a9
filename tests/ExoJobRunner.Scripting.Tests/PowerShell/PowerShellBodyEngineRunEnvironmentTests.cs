using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class PowerShellBodyEngineRunEnvironmentTests(PowerShellEngineFixture fixture) : IClassFixture<PowerShellEngineFixture>
{
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mailbox"] = "alice@contoso.com",
        ["Days"] = "30",
    };

    [Theory]
    [InlineData("$Job.Name",                                   PowerShellEngineFixture.JobName)]
    [InlineData("$Job.RunId",                                  PowerShellEngineFixture.RunId)]
    [InlineData("$Parameters['Mailbox']",                      "alice@contoso.com")]
    [InlineData("$Parameters['MAILBOX']",                      "alice@contoso.com")]
    [InlineData("$Parameters.days",                            "30")]
    [InlineData("$Parameters.Count",                           "2")]
    [InlineData("$Parameters.GetType().Name",                  "Hashtable")]
    [InlineData("$Job.Parameters['mailbox']",                  "alice@contoso.com")]
    [InlineData("$ErrorActionPreference",                      "Stop")]
    [InlineData("$ExecutionContext.SessionState.LanguageMode", "FullLanguage")]
    public async Task Run_ExposesTheRun_ToTheBody(string expression, string expected)
    {
        var log = new RecordingLogger();

        await fixture.Engine.RunAsync(fixture.FileBody(expression), fixture.Request(log, Parameters), CancellationToken.None);

        Assert.Equal([expected], log.Messages);
    }

    [Fact]
    public async Task Run_LetsTheBodyWriteFiles_ToTheRunsOutputDirectory()
    {
        var request = fixture.Request(new RecordingLogger());
        var body = fixture.FileBody("Set-Content -LiteralPath (Join-Path $Job.OutputDirectory 'report.txt') -Value 'mailboxes: 3'");

        var outcome = await fixture.Engine.RunAsync(body, request, CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        var report = await File.ReadAllTextAsync(Path.Combine(request.Job.OutputDirectory, "report.txt"));
        Assert.Equal("mailboxes: 3", report.TrimEnd());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ResolvesScriptRootAndRelativePaths_ToTheBodysFolder(bool inline)
    {
        var log = new RecordingLogger();
        var body = fixture.Body(inline, "$PSScriptRoot\n$PSCommandPath\n. ./helpers.ps1\nGet-Greeting\n(Get-Content ./users.txt)", lineOffset: 3, columnOffset: 2);
        var folder = Path.GetDirectoryName(body.FilePath)!;
        await File.WriteAllTextAsync(Path.Combine(folder, "helpers.ps1"), "function Get-Greeting { 'hello from helpers' }\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "users.txt"), "alice\n");

        var outcome = await fixture.Engine.RunAsync(body, fixture.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal([folder, body.FilePath, "hello from helpers", "alice"], log.Messages);
    }

    [Theory]
    [InlineData("[ordered]@{ Mailbox = 'alice'; Quota = 50 } | ConvertTo-Json -Compress", "{\"Mailbox\":\"alice\",\"Quota\":50}")]
    [InlineData("('{\"Quota\":50}' | ConvertFrom-Json).Quota",                            "50")]
    [InlineData("(Get-Date -Year 2024 -Month 2 -Day 29).ToString('yyyy-MM-dd')",          "2024-02-29")]
    [InlineData("(1, 2, 3 | Measure-Object -Sum).Sum",                                    "6")]
    [InlineData("Split-Path -Leaf (Join-Path 'reports' 'march.csv')",                     "march.csv")]
    [InlineData("$csv = Join-Path $Job.OutputDirectory 'users.csv'\n[pscustomobject]@{ Name = 'alice'; Quota = 50 } | Export-Csv -LiteralPath $csv\n(Import-Csv -LiteralPath $csv).Name", "alice")]
    [InlineData("'a,b' | ConvertFrom-Csv -Header X, Y | Select-Object -ExpandProperty Y", "b")]
    public async Task Run_LoadsTheSdksBuiltInModules(string code, string expected)
    {
        var log = new RecordingLogger();

        var outcome = await fixture.Engine.RunAsync(fixture.FileBody(code), fixture.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal([expected], log.Messages);
    }

    [Fact]
    public async Task Run_OffersTheCommandsRegisteredThroughTheSessionStateFactory()
    {
        var log = new RecordingLogger();

        await fixture.Engine.RunAsync(fixture.FileBody(PowerShellEngineFixture.HostFunctionName), fixture.Request(log), CancellationToken.None);

        Assert.Equal([PowerShellEngineFixture.HostFunctionOutput], log.Messages);
    }
}
