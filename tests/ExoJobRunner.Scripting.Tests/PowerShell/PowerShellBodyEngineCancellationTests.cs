using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.PowerShell;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class PowerShellBodyEngineCancellationTests(PowerShellEngineFixture fixture) : IClassFixture<PowerShellEngineFixture>
{
    // Only guards against a hang turning into a stuck test run; nothing here depends on how fast a stop is.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_StopsTheSleepingPipeline_AndThrowsCanceled_ThenReusesTheRunspace()
    {
        var log = new RecordingLogger();
        using var cancellation = new CancellationTokenSource();
        var body = fixture.FileBody("[runspace]::DefaultRunspace.InstanceId.ToString()\n'sleeping'\nStart-Sleep -Seconds 600\n'woke up'");

        var run = fixture.Engine.RunAsync(body, fixture.Request(log), cancellation.Token);
        await log.WaitForMessageAsync("sleeping").WaitAsync(HangGuard);
        Assert.False(run.IsCompleted);
        await cancellation.CancelAsync();

        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(HangGuard));
        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.DoesNotContain("woke up", log.Messages);

        var nextLog = new RecordingLogger();
        await fixture.Engine.RunAsync(fixture.FileBody("[runspace]::DefaultRunspace.InstanceId.ToString()"), fixture.Request(nextLog), CancellationToken.None);
        Assert.Equal([log.Messages[0]], nextLog.Messages);
    }

    [Fact]
    public async Task Run_ThrowsCanceled_WithoutRunning_WhenCanceledBeforeStart()
    {
        var log = new RecordingLogger();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Engine.RunAsync(fixture.FileBody("'must not run'"), fixture.Request(log), cancellation.Token));

        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task Run_ReleasesTheCaller_WhenThePipelineCannotBeStopped()
    {
        await using var engine = new PowerShellBodyEngine(
            PowerShellEngineFixture.CreateSessionStateFactory(), maxIdleRunspaces: 1, stopGracePeriod: TimeSpan.Zero);
        WaitUninterruptibleGateCommand.Gate.Reset();
        var log = new RecordingLogger();
        using var cancellation = new CancellationTokenSource();

        var run = engine.RunAsync(fixture.FileBody("Wait-UninterruptibleGate"), fixture.Request(log), cancellation.Token);
        await log.WaitForMessageAsync(WaitUninterruptibleGateCommand.WaitingMessage).WaitAsync(HangGuard);
        await cancellation.CancelAsync();

        // The body is still stuck at the gate: the caller is released anyway.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(HangGuard));
        Assert.False(WaitUninterruptibleGateCommand.Gate.IsSet);

        WaitUninterruptibleGateCommand.Gate.Set();
        var outcome = await engine.RunAsync(fixture.FileBody("'still serving'"), fixture.Request(new RecordingLogger()), CancellationToken.None);
        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
    }
}
