using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class PowerShellRunspacePoolTests(PowerShellEngineFixture fixture) : IClassFixture<PowerShellEngineFixture>
{
    private const string RunspaceId = "[runspace]::DefaultRunspace.InstanceId.ToString()";

    [Theory]
    [InlineData("$leak = 'run one'",                                       "$null -eq $leak")]
    [InlineData("$global:leak = 'run one'",                                "$null -eq $global:leak")]
    [InlineData("function Get-Leak { 'run one' }",                         "$null -eq (Get-Command Get-Leak -ErrorAction Ignore)")]
    [InlineData("function global:Get-Leak { 'run one' }",                  "$null -eq (Get-Command Get-Leak -ErrorAction Ignore)")]
    [InlineData("Set-Alias -Name Get-Leak -Value Get-Date -Scope Global",  "$null -eq (Get-Command Get-Leak -ErrorAction Ignore)")]
    [InlineData("$global:ErrorActionPreference = 'Ignore'",                "$ErrorActionPreference -eq 'Stop'")]
    [InlineData("Set-Location -LiteralPath $Job.OutputDirectory",           "(Get-Location).Path -eq $PSScriptRoot")]
    public async Task Run_ReusesTheRunspace_WithoutLeakingState(string firstRun, string probe)
    {
        var firstLog = new RecordingLogger();
        var secondLog = new RecordingLogger();

        await fixture.Engine.RunAsync(fixture.FileBody($"{firstRun}\n{RunspaceId}"), fixture.Request(firstLog), CancellationToken.None);
        var outcome = await fixture.Engine.RunAsync(fixture.FileBody($"{RunspaceId}\n{probe}"), fixture.Request(secondLog), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal([firstLog.Messages[^1], "True"], secondLog.Messages);
        Assert.Equal(1, fixture.Engine.IdleRunspaceCount);
    }
}
