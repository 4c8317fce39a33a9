using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Scheduling.Support;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Scripting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Core.Tests.History;

/// <summary>Real C# bodies run through the real runner: retries only for transient faults, timeouts, and what history keeps.</summary>
public sealed class RecordedJobRunnerTests
{
    private static readonly RetryPolicy TwoRetries = new(2, TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData("ConnectionReset", """throw new System.Net.Http.HttpRequestException("connection reset by peer");""",                                                                3, RunStatus.Failed)]
    [InlineData("Throttled",       """throw new System.Net.Http.HttpRequestException("throttled", null, System.Net.HttpStatusCode.TooManyRequests);""",                         3, RunStatus.Failed)]
    [InlineData("Unavailable",     """throw new InvalidOperationException("sync failed", new System.Net.Http.HttpRequestException("503", null, System.Net.HttpStatusCode.ServiceUnavailable));""", 3, RunStatus.Failed)]
    [InlineData("Forbidden",       """throw new System.Net.Http.HttpRequestException("forbidden", null, System.Net.HttpStatusCode.Forbidden);""",                              1, RunStatus.Failed)]
    [InlineData("ScriptError",     """throw new InvalidOperationException("mailbox 'x' not found");""",                                                                          1, RunStatus.Failed)]
    [InlineData("NonZeroReturn",   """return 2;""",                                                                                                                              1, RunStatus.Failed)]
    [InlineData("CompileError",    """int count = "many";""",                                                                                                                     1, RunStatus.Failed)]
    [InlineData("Success",         """Log.LogInformation("done");""",                                                                                                             1, RunStatus.Succeeded)]
    public async Task Run_RetriesOnlyTransientFaults(string spec, string code, int expectedAttempts, RunStatus expectedStatus)
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();

        var result = await fixture.RunAsync(TestJobs.OnDemand("sync", code, TwoRetries));

        var rows = await fixture.RowsAsync();
        Assert.True(rows.Count == expectedAttempts, $"{spec}: {rows.Count} attempt(s): {string.Join("; ", rows.Select(row => row.ErrorSummary))}");
        Assert.Equal(expectedStatus, result.Status);
        Assert.All(rows, row => Assert.Equal(expectedStatus, row.Status));
        Assert.Equal([RunTrigger.Manual, .. Enumerable.Repeat(RunTrigger.Retry, expectedAttempts - 1)], rows.Select(row => row.Trigger));
        Assert.Equal(Enumerable.Range(1, expectedAttempts), rows.Select(row => row.Attempt));
        Assert.Equal(rows.Count, rows.Select(row => row.RunId).Distinct().Count());
        for (var retry = 1; retry < rows.Count; retry++)
        {
            Assert.True(rows[retry].StartedAt >= rows[retry - 1].EndedAt + TwoRetries.Delay, $"{spec}: retry {retry} started before the delay passed");
        }
    }

    [Fact]
    public async Task Run_SucceedsOnARetry_AfterATransientFault()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        var marker = Path.Combine(fixture.Folder, "first-attempt-done");
        var job = TestJobs.OnDemand(
            "flaky",
            """
            var marker = Job.Parameters["marker"];
            if (!File.Exists(marker))
            {
                File.WriteAllText(marker, "");
                throw new System.Net.Http.HttpRequestException("connection reset by peer");
            }
            """,
            TwoRetries) with
        {
            Parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["marker"] = marker },
        };

        var result = await fixture.RunAsync(job);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal([RunStatus.Failed, RunStatus.Succeeded], (await fixture.RowsAsync()).Select(row => row.Status));
    }

    [Fact]
    public async Task Run_RecordsTimedOut_AndDoesNotRetryATimeout()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        var job = TestJobs.OnDemand("hangs", "await Task.Delay(Timeout.Infinite, CancellationToken);", TwoRetries, timeout: TimeSpan.FromMinutes(5));

        var result = await fixture.RunAsync(job);

        Assert.Equal(RunStatus.TimedOut, result.Status);
        Assert.Equal(ExitCodes.TimedOut, result.ExitCode);
        var row = Assert.Single(await fixture.RowsAsync());
        Assert.Equal(RunStatus.TimedOut, row.Status);
        Assert.Equal(ExitCodes.TimedOut, row.ExitCode);
        Assert.Equal("timed out after 5m", row.ErrorSummary);
        Assert.True(row.Duration >= TimeSpan.FromMinutes(5) && row.Duration < TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30), $"ran {row.Duration} on the fake clock");
    }

    [Fact]
    public async Task Run_KeepsOnlyTheNewestRuns_AndDeletesThePrunedRunFolders()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        var runner = new RecordedJobRunner(
            new JobRunner(new BodyEngines(cache: null), sessions: null, fixture.Clock),
            new HistoryWriter(fixture.History),
            fixture.Settings with { KeepRuns = 2 },
            fixture.Notifications,
            ExchangeTransientFaults.Instance,
            new RunIdGenerator(fixture.Clock),
            fixture.Clock,
            NullLogger.Instance);
        var job = TestJobs.OnDemand("report", """Log.LogInformation("ok");""");

        var results = new List<RunResult>();
        for (var run = 0; run < 3; run++)
        {
            var request = new RunRequest { Job = job, Parameters = job.Parameters, RunsDirectory = fixture.Settings.RunsDirectory };
            results.Add(await runner.RunAsync(request, heldLock: null, CancellationToken.None));
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(results.Skip(1).Select(result => result.RunId), (await fixture.RowsAsync()).Select(row => row.RunId));
        Assert.False(Directory.Exists(results[0].OutputDirectory), "the pruned run's folder must go with its row");
        Assert.True(Directory.Exists(results[2].OutputDirectory));
    }
}
