using System.Net;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// Retries against a sandbox that injects faults (its own per test): 429 with Retry-After, 503, connections cut
/// mid-body, revoked tokens, slow answers. Waits are recorded, not spent; the jitter's randomness is seeded where a test
/// compares waits.
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
        Assert.Contains(clock.Waits, wait => wait != TimeSpan.FromSeconds(7));
        Assert.True(connected.TokenRequests.Count() > 1);
        Assert.Equal(clock.Waits.Count, log.Warnings.Count(warning => warning.Contains("; retrying in ", StringComparison.Ordinal)));
        Assert.Contains(log.Warnings, warning => warning.StartsWith("Get-Mailbox: HTTP 429 (Too Many Requests) from Exchange Online; retrying in 7 s (attempt 2 of 5).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_GivesUpAfterFiveTries_WaitingTheServersRetryAfter()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, "429:1:3s");
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.HttpStatus);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 4), clock.Waits);
        Assert.Equal(5, connected.InvokeCommandRequests.Count());
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task InvokeAsync_GivesUpAfterFiveTries_WaitingAJitteredBackoff_TheSameForTheSameSeed()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, "503:1");

        var first = await WaitsUntilGivingUpAsync(sandbox, seed: 7);
        var again = await WaitsUntilGivingUpAsync(sandbox, seed: 7);
        var otherSeed = await WaitsUntilGivingUpAsync(sandbox, seed: 8);

        Assert.Equal(4, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.NotEqual([2, 4, 8, 16], first.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task InvokeAsync_EndsTheTry_WhenRetryAfterIsLongerThanTheCap()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, "429:1:90s");
        var clock = new RecordingTimeProvider();
        var log = new CollectingLogger();
        var connected = sandbox.Connect(RetryTestOptions.With(clock), logger: log);

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.Empty(clock.Waits);
        Assert.Single(connected.InvokeCommandRequests);
        Assert.Contains(log.Warnings, warning => warning.Contains("asked to wait 90 s before trying again, longer than one request waits (60 s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_AsksForOneFreshToken_ThenTakesA401AsARefusal()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, "revoke:1");
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatus);
        Assert.Equal(2, connected.InvokeCommandRequests.Count());
        Assert.Equal(2, connected.TokenRequests.Count());
        Assert.Empty(clock.Waits);
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
        Assert.Equal(4, clock.Waits.Count);
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

    private static async Task<List<TimeSpan>> WaitsUntilGivingUpAsync(SandboxHarness sandbox, int seed)
    {
        var clock = new RecordingTimeProvider();
        var random = new Random(seed);
        var options = RetryTestOptions.With(clock) with { Retry = new ExchangeRetryPolicy { Randomizer = random.NextDouble } };
        var connected = sandbox.Connect(options);
        await Assert.ThrowsAsync<ExchangeCommandException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());
        return [.. clock.Waits];
    }
}
