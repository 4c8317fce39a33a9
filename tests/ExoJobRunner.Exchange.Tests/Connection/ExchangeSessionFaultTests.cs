using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// Retries against a sandbox that injects faults (its own per test): 429 with Retry-After, 503, connections cut
/// mid-body, revoked tokens, slow answers. Waits are recorded, not spent.
/// </summary>
public sealed class ExchangeSessionFaultTests
{
    [Fact]
    public async Task InvokeAsync_DeliversEverything_ThroughInjected429s503sDropsAndRevocations()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 600, faults: "429:0.1:7s,503:0.1,drop:0.05,revoke:0.05");
        var clock = new RecordingTimeProvider();
        var log = new CollectingLogger();
        var connected = sandbox.Connect(RetryTestOptions.With(clock, pageSize: 25), logger: log);

        var names = new List<string>();
        await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }))
        {
            names.Add(mailbox.Get<string>("Identity"));
        }

        Assert.Equal(600, names.Count);
        Assert.Equal(600, names.Distinct().Count());
        Assert.Contains(TimeSpan.FromSeconds(7), clock.Waits);
        Assert.Contains(TimeSpan.FromSeconds(2), clock.Waits);
        Assert.True(connected.TokenRequests.Count() > 1);
        Assert.Equal(clock.Waits.Count, log.Warnings.Count(warning => warning.Contains("trying again", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("503:1", 503, new[] { 2, 4, 8, 16 })]
    [InlineData("429:1:3s", 429, new[] { 3, 3, 3, 3 })]
    public async Task InvokeAsync_GivesUpAfterFiveTries_WaitingBackoffOrRetryAfter(string faults, int status, int[] expectedWaitSeconds)
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, faults);
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());

        Assert.Equal(status, (int)error.HttpStatus!);
        Assert.Equal(expectedWaitSeconds.Select(seconds => TimeSpan.FromSeconds(seconds)), clock.Waits);
        Assert.Equal(5, connected.InvokeCommandRequests.Count());
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task InvokeAsync_RetriesAConnectionCutMidPage_WithoutRepeatingResults()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 40, faults: "drop:1");
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(async () =>
        {
            await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox"))
            {
                received.Add(mailbox.Get<string>("Identity"));
            }
        });

        Assert.Null(error.HttpStatus);
        Assert.Equal([2, 4, 8, 16], clock.Waits.Select(wait => (int)wait.TotalSeconds));
        Assert.Equal(5, connected.InvokeCommandRequests.Count());
        Assert.NotEmpty(received);
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Theory]
    [InlineData("while waiting to retry", "503:1")]
    [InlineData("while waiting for a response", "slow:1:10m")]
    public async Task InvokeAsync_StopsWhenCancelled(string moment, string faults)
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, faults);
        using var cancellation = new CancellationTokenSource();
        var clock = new RecordingTimeProvider { WaitsElapse = false, WaitStarted = _ => cancellation.Cancel() };
        var connected = sandbox.Connect(RetryTestOptions.With(clock));
        if (moment == "while waiting for a response")
        {
            // The sandbox holds its answer for ten minutes: cancel once the request is on its way.
            connected.Recorder.Sending = request =>
            {
                if (request.IsInvokeCommand)
                {
                    cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
                }
            };
        }

        var results = connected.Session.InvokeAsync("Get-Mailbox", cancellationToken: cancellation.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => results.DrainAsync());

        Assert.Single(connected.InvokeCommandRequests);
        Assert.Equal(moment == "while waiting to retry" ? 1 : 0, clock.Waits.Count);
    }
}
