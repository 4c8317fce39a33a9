using System.Net;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// Transport faults a sandbox cannot throw by itself: a body that goes silent in the middle, and token requests that
/// never reach the identity platform. Retry waits are recorded, not spent; the read timeout is real but short.
/// </summary>
public sealed class ExchangeSessionTransportTests
{
    [Fact]
    public async Task InvokeAsync_ResumesAPageWhoseBodyStalls_WithNothingLostOrRepeated()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 300);
        var clock = new RecordingTimeProvider();
        var log = new CollectingLogger();
        var connected = sandbox.Connect(RetryTestOptions.With(clock) with { ReadTimeout = TimeSpan.FromSeconds(1) }, logger: log);
        var stalled = 0;
        connected.Recorder.Receiving = (request, response) =>
        {
            if (request.IsInvokeCommand && Interlocked.Increment(ref stalled) == 1)
            {
                response.Content = new StallingContent(response.Content, bytes: 64 * 1024);
            }

            return response;
        };

        var names = new List<string>();
        await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }))
        {
            names.Add(mailbox.Get<string>("Identity"));
        }

        Assert.Equal(300, names.Count);
        Assert.Equal(300, names.Distinct().Count());
        Assert.Equal(2, connected.InvokeCommandRequests.Count());
        Assert.Contains(log.Warnings, warning => warning.Contains("sent nothing for 1 s in the middle of a response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_RetriesTokenRequestsThatMeetATransportFault()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);
        var clock = new RecordingTimeProvider();
        var log = new CollectingLogger();
        var connected = sandbox.Connect(RetryTestOptions.With(clock), logger: log);
        var failures = 2;
        connected.Recorder.Sending = request =>
        {
            if (!request.IsInvokeCommand && Interlocked.Decrement(ref failures) >= 0)
            {
                throw new HttpRequestException("connection reset by peer");
            }
        };

        var mailboxes = await connected.Session.InvokeAsync("Get-Mailbox").ToListAsync();

        Assert.Equal(5, mailboxes.Count);
        Assert.Equal(3, connected.TokenRequests.Count());
        Assert.Equal(2, clock.Waits.Count);
        Assert.Equal(2, log.Warnings.Count(warning => warning.StartsWith("Token request to Entra ID for sandbox.onmicrosoft.com failed (connection reset by peer); retrying in", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InvokeAsync_ReportsAnUnreachableIdentityPlatform_AfterFiveTries()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));
        connected.Recorder.Sending = request =>
        {
            if (!request.IsInvokeCommand)
            {
                throw new HttpRequestException("no route to host");
            }
        };

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());

        Assert.Contains("Could not reach the identity platform", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, connected.TokenRequests.Count());
        Assert.Equal(4, clock.Waits.Count);
        Assert.Empty(connected.InvokeCommandRequests);
    }
}
