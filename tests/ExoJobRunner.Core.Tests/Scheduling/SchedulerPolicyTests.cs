using System.Globalization;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Scheduling.Support;

namespace ExoJobRunner.Core.Tests.Scheduling;

/// <summary>Overlap (skip, queue, allow), misfire (skip, runOnce), the process-wide run limit, the job lock and stopping.</summary>
public sealed class SchedulerPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    //   12:01 run A starts and holds ─────────────────────────┐ released at 12:03:30
    //   12:02 occurrence B arrives while A runs               │
    //   12:03 occurrence C arrives while A runs               │
    //   12:04 occurrence D, A long over
    [Theory]
    [InlineData(ConcurrencyPolicy.Skip,  "12:01,12:04",             "12:02,12:03", 1)]
    [InlineData(ConcurrencyPolicy.Queue, "12:01,12:02,12:03,12:04", "",            1)]
    [InlineData(ConcurrencyPolicy.Allow, "12:01,12:02,12:03,12:04", "",            3)]
    public async Task Scheduler_AppliesTheConcurrencyPolicy_WhenAnOccurrenceArrivesDuringARun(
        ConcurrencyPolicy policy, string expectedRuns, string expectedSkips, int expectedPeak)
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, new RecordingRunner { HoldRuns = true });
        harness.Start(TestJobs.Scheduled("report", "* * * * *", concurrency: policy));

        await harness.AdvanceToAsync(Start.AddMinutes(3).AddSeconds(30));
        await harness.Runner.WaitForStartsAsync(policy == ConcurrencyPolicy.Allow ? 3 : 1);
        var first = harness.Runner.Started[0];
        ReleaseAll(harness);
        if (policy == ConcurrencyPolicy.Queue)
        {
            // Queued runs start one after another, each when the one before it ends.
            for (var started = 2; started <= 3; started++)
            {
                await harness.Runner.WaitForStartsAsync(started);
                ReleaseAll(harness);
            }
        }

        await harness.WaitForRunsToEndAsync();
        await harness.AdvanceToAsync(Start.AddMinutes(4).AddSeconds(30));
        await harness.Runner.WaitForStartsAsync(expectedRuns.Split(',').Length);
        ReleaseAll(harness);
        await harness.StopAsync();

        // Runs allowed to overlap start on tasks of their own, in no fixed order; queued ones start strictly in turn.
        var runs = harness.Runner.Started.Select(run => run.ScheduledAt);
        Assert.Equal(expectedRuns, Minutes(policy == ConcurrencyPolicy.Allow ? runs.Order() : runs));
        var skipped = await harness.SkippedAsync();
        Assert.Equal(expectedSkips, Minutes(skipped.Select(row => row.ScheduledAt!.Value)));
        Assert.All(skipped, row => Assert.Equal($"run {first.RunId} of this job was still running (concurrency: skip)", row.ErrorSummary));
        Assert.Equal(expectedPeak, harness.Runner.PeakConcurrency);
    }

    [Fact]
    public async Task Scheduler_SkipsOccurrencesBeyondTheQueueLimit_AndSaysWhy()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, new RecordingRunner { HoldRuns = true });
        harness.Start(TestJobs.Scheduled("slow", "* * * * * *", concurrency: ConcurrencyPolicy.Queue));

        await harness.AdvanceToAsync(Start.AddSeconds(JobScheduler.QueueLimit + 3));
        await harness.StopAsync();

        var skipped = await harness.SkippedAsync();
        var queuedBeyondLimit = skipped.Where(row => row.ErrorSummary!.Contains("already queued", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queuedBeyondLimit.Count);
        var droppedAtStop = skipped.Where(row => row.ErrorSummary == "the scheduler stopped before it could start").ToList();
        Assert.Equal(JobScheduler.QueueLimit, droppedAtStop.Count);
    }

    //   10:00 ──── scheduler runs ──── 10:30 down ═══════ 3 hours ═══════ 13:30 up ──── 14:00
    //   hourly occurrences missed while down: 11:00, 12:00, 13:00
    [Theory]
    [InlineData(MisfirePolicy.RunOnce, "13:00 CatchUp,14:00 Schedule", "12:00 2 occurrence(s) up to this one were missed")]
    [InlineData(MisfirePolicy.Skip,    "14:00 Schedule",               "13:00 3 occurrence(s) up to this one were missed")]
    public async Task Scheduler_AppliesTheMisfirePolicy_AfterThreeHoursOfDowntime(MisfirePolicy policy, string expectedRuns, string expectedMissed)
    {
        var tenOClock = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await using var harness = await SchedulerHarness.CreateAsync(tenOClock);
        var job = TestJobs.Scheduled("hourly", "0 * * * *", misfire: policy);
        harness.Start(job);
        await harness.AdvanceToAsync(tenOClock.AddMinutes(30));
        await harness.StopAsync();

        harness.Clock.Advance(TimeSpan.FromHours(3));
        harness.Start(job);
        await harness.AdvanceToAsync(tenOClock.AddHours(4).AddMinutes(5));
        await harness.StopAsync();

        var runs = harness.Runner.Started.Select(run => string.Create(CultureInfo.InvariantCulture, $"{run.ScheduledAt:HH:mm} {run.Trigger}"));
        Assert.Equal(expectedRuns, string.Join(',', runs));
        var missed = (await harness.MissedAsync()).Select(row => string.Create(CultureInfo.InvariantCulture, $"{row.ScheduledAt:HH:mm} {row.ErrorSummary}"));
        Assert.Equal(expectedMissed, string.Join(',', missed).Split(" while")[0]);
        Assert.Empty(await harness.SkippedAsync());
    }

    [Theory]
    [InlineData(MisfirePolicy.RunOnce, 1, "14:55")]
    [InlineData(MisfirePolicy.Skip,    0, "15:00")]
    public async Task Scheduler_TreatsAClockJumpWhileRunning_AsMissedOccurrences(MisfirePolicy policy, int catchUpRuns, string missedRowAt)
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        harness.Start(TestJobs.Scheduled("every-5m", "*/5 * * * *", misfire: policy));
        await harness.AdvanceToAsync(Start.AddMinutes(1));

        // The machine sleeps for three hours: the wall clock jumps while the scheduler's timer is still pending.
        await harness.JumpClockAsync(Start.AddHours(3).AddMinutes(2));
        await harness.AdvanceToAsync(Start.AddHours(3).AddMinutes(4));
        await harness.StopAsync();

        Assert.Equal(catchUpRuns, harness.Runner.Started.Count(run => run.Trigger == RunTrigger.CatchUp));
        Assert.Equal(missedRowAt, Minutes((await harness.MissedAsync()).Select(row => row.ScheduledAt!.Value)));
        Assert.DoesNotContain(harness.Runner.Started, run => run.Trigger == RunTrigger.Schedule);
    }

    [Fact]
    public async Task Scheduler_RunsAtMostMaxConcurrentRunsAtOnce_AndStartsTheRestWhenASlotFrees()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, new RecordingRunner { HoldRuns = true });
        var jobs = Enumerable.Range(1, 5).Select(i => TestJobs.Scheduled($"job{i}", "0 * * * *")).ToArray();
        harness.Start(maxConcurrentRuns: 2, jobs);

        await harness.AdvanceToAsync(Start.AddHours(1));
        await harness.Runner.WaitForStartsAsync(2);
        Assert.Equal(2, harness.Runner.Started.Count);
        for (var started = 3; started <= 5; started++)
        {
            harness.Runner.Release(harness.Runner.Started[started - 3].RunId);
            await harness.Runner.WaitForStartsAsync(started);
        }

        ReleaseAll(harness);
        await harness.StopAsync();

        Assert.Equal(5, harness.Runner.Started.Count);
        Assert.Equal(2, harness.Runner.PeakConcurrency);
        Assert.Empty(await harness.SkippedAsync());
    }

    [Fact]
    public async Task Scheduler_SkipsAnOccurrence_WhileAnotherProcessHoldsTheJobLock_AndNamesTheHolder()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var holder = new JobLockHolder(4242, "other-host", Start, "20260601-115900-abcdef");
        using var adHocRun = JobLock.TryAcquire(harness.LocksDirectory, "report", holder, out _);
        Assert.NotNull(adHocRun);
        harness.Start(TestJobs.Scheduled("report", "0 * * * *"));

        await harness.AdvanceToAsync(Start.AddHours(1));
        await harness.StopAsync();

        Assert.Empty(harness.Runner.Started);
        var skipped = Assert.Single(await harness.SkippedAsync());
        Assert.Equal(
            "job 'report' is already running (pid 4242 on host other-host, started at 2026-06-01T12:00:00Z, run id 20260601-115900-abcdef)",
            skipped.ErrorSummary);
    }

    [Fact]
    public async Task Scheduler_RunsTheJobAgain_OnceAnotherProcessHasReleasedItsLock()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        var adHocRun = JobLock.TryAcquire(harness.LocksDirectory, "report", new JobLockHolder(4242, "other-host", Start, "ad-hoc"), out _);
        harness.Start(TestJobs.Scheduled("report", "0 * * * *"));
        await harness.AdvanceToAsync(Start.AddHours(1));

        adHocRun!.Dispose();
        await harness.AdvanceToAsync(Start.AddHours(2));
        await harness.StopAsync();

        // The refused occurrence's reservation was rolled back: the next one is neither "still running" nor refused.
        Assert.Equal([Start.AddHours(2)], harness.Runner.Started.Select(run => run.ScheduledAt));
        Assert.Equal([Start.AddHours(1)], (await harness.SkippedAsync()).Select(row => row.ScheduledAt!.Value));
    }

    [Fact]
    public async Task Scheduler_SkipsAnOccurrenceWithTheReason_WhenTheLockFileCannotBeOpened_AndRunsOnceItCan()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        File.WriteAllText(harness.LocksDirectory, "a file where the locks folder goes");
        harness.Start(TestJobs.Scheduled("report", "0 * * * *"));
        await harness.AdvanceToAsync(Start.AddHours(1));

        File.Delete(harness.LocksDirectory);
        await harness.AdvanceToAsync(Start.AddHours(2));
        await harness.StopAsync();

        Assert.Equal([Start.AddHours(2)], harness.Runner.Started.Select(run => run.ScheduledAt));
        var skipped = Assert.Single(await harness.SkippedAsync());
        Assert.StartsWith($"its lock file in {harness.LocksDirectory} could not be opened: ", skipped.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_CancelsRunningRuns_WhenStopped()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start, new RecordingRunner { HoldRuns = true });
        harness.Start(TestJobs.Scheduled("a", "0 * * * *"), TestJobs.Scheduled("b", "0 * * * *"));
        await harness.AdvanceToAsync(Start.AddHours(1));
        await harness.Runner.WaitForStartsAsync(2);

        await harness.StopAsync();

        Assert.Equal(2, harness.Runner.CanceledCount);
    }

    [Fact]
    public async Task Scheduler_MarksRunsLeftRunningByADeadProcess_AsAbandoned_AtStartUp()
    {
        await using var harness = await SchedulerHarness.CreateAsync(Start);
        await harness.History.RecordAsync(RunningRow("crashed", DeadProcessId()), CancellationToken.None);
        await harness.History.RecordAsync(RunningRow("alive", Environment.ProcessId), CancellationToken.None);

        harness.Start(TestJobs.Scheduled("report", "0 * * * *"));
        await harness.SettleAsync();
        await harness.StopAsync();

        var rows = await harness.RowsAsync();
        Assert.Equal(RunStatus.Abandoned, rows.Single(row => row.RunId == "crashed").Status);
        Assert.Contains("ended without recording how the run ended", rows.Single(row => row.RunId == "crashed").ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, rows.Single(row => row.RunId == "alive").Status);
    }

    internal static RunRecord RunningRow(string runId, int processId) => new()
    {
        RunId = runId,
        JobName = "report",
        Trigger = RunTrigger.Schedule,
        Status = RunStatus.Running,
        StartedAt = Start.AddMinutes(-5),
        Host = Environment.MachineName,
        ProcessId = processId,
        RecordedAt = Start.AddMinutes(-5),
    };

    /// <summary>The id of a process that has exited (a real one, started and waited for).</summary>
    internal static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true");
        process!.WaitForExit();
        return process.Id;
    }

    private static void ReleaseAll(SchedulerHarness harness)
    {
        foreach (var run in harness.Runner.Started)
        {
            harness.Runner.Release(run.RunId);
        }
    }

    private static string Minutes(IEnumerable<DateTimeOffset> times) =>
        string.Join(',', times.Select(time => time.ToString("HH:mm", CultureInfo.InvariantCulture)));
}
