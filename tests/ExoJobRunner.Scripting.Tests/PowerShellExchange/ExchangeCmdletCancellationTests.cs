using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.PowerShellExchange;

public sealed class ExchangeCmdletCancellationTests(ExchangeSandboxFixture sandbox) : IClassFixture<ExchangeSandboxFixture>
{
    // Only guards against a hang turning into a stuck test run; the stalled tenant would hold the call for ten minutes.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_StopsACmdletWaitingForExchange_AndTheRunspaceServesTheNextRun()
    {
        var log = new RecordingLogger();
        using var cancellation = new CancellationTokenSource();
        var body = sandbox.Body("'calling'\nGet-Mailbox -ResultSize 1\n'returned'");

        var run = sandbox.Engine.RunAsync(body, sandbox.Request(log, sandbox.StalledSession), cancellation.Token);
        await log.WaitForMessageAsync("calling").WaitAsync(HangGuard);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(HangGuard));
        Assert.DoesNotContain("returned", log.Messages);

        var (next, nextLog) = await sandbox.RunAsync("\"count=$((Get-Mailbox -ResultSize 1).Count)\"");
        Assert.Equal(BodyOutcomeKind.Succeeded, next.Kind);
        Assert.Contains("count=1", nextLog.Messages);
    }
}
