using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class PowerShellConcurrentRunTests(PowerShellEngineFixture fixture) : IClassFixture<PowerShellEngineFixture>
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_RunsOverlappingBodies_OnSeparateRunspaces()
    {
        // The first body cannot finish until the second one has run, so the two runs must overlap.
        var signal = Path.Combine(Path.GetTempPath(), "exojobs-signal-" + Guid.NewGuid().ToString("N"));
        var parameters = new Dictionary<string, string> { ["Signal"] = signal };
        var waiterLog = new RecordingLogger();
        var signalerLog = new RecordingLogger();
        var waiter = fixture.FileBody("""
            [runspace]::DefaultRunspace.InstanceId.ToString()
            'waiting for the signal'
            while (-not (Test-Path -LiteralPath $Parameters.Signal)) { Start-Sleep -Milliseconds 20 }
            'signal seen'
            """);
        var signaler = fixture.FileBody("""
            [runspace]::DefaultRunspace.InstanceId.ToString()
            Set-Content -LiteralPath $Parameters.Signal -Value 'go'
            """);

        try
        {
            var waiting = fixture.Engine.RunAsync(waiter, fixture.Request(waiterLog, parameters), CancellationToken.None);
            await waiterLog.WaitForMessageAsync("waiting for the signal").WaitAsync(HangGuard);
            var signaled = await fixture.Engine.RunAsync(signaler, fixture.Request(signalerLog, parameters), CancellationToken.None);
            var waited = await waiting.WaitAsync(HangGuard);

            Assert.Equal(BodyOutcomeKind.Succeeded, signaled.Kind);
            Assert.Equal(BodyOutcomeKind.Succeeded, waited.Kind);
            Assert.Equal("signal seen", waiterLog.Messages[^1]);
            Assert.NotEqual(waiterLog.Messages[0], signalerLog.Messages[0]);
            Assert.Equal(2, fixture.Engine.IdleRunspaceCount);
        }
        finally
        {
            File.Delete(signal);
        }
    }
}
