using System.Globalization;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Notifications.Support;
using ExoJobRunner.Core.Tests.Scheduling.Support;

namespace ExoJobRunner.Core.Tests.Scheduling;

/// <summary>The scheduler while its history store cannot be written: no run starts, it says so once, and it comes back by itself.</summary>
public sealed class SchedulerHistoryOutageTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    //   12:00 start ─ 12:01 run ─ 12:01:30 history gone ══════════════ 12:05:30 back ─ next check ─ 12:07
    //   every minute, misfire: runOnce. 12:02–12:04 pass while no run may start; at the check after the store is back
    //   they are more than a minute late (Missed, one row), and 12:05 is on time and runs.
    [Fact]
    public async Task Scheduler_StartsNoRunWhileTheStoreIsOut_SaysSoOnce_AndResumesByItself_RecordingWhatItMissed()
    {
        var log = new RecordingLog();
        await using var harness = await SchedulerHarness.CreateAsync(Start, log: log);
        harness.Start(TestJobs.Scheduled("report", "* * * * *"));
        await harness.AdvanceToAsync(Start.AddMinutes(1).AddSeconds(30));

        harness.MakeHistoryUnavailable();
        await harness.AdvanceToAsync(Start.AddMinutes(5).AddSeconds(30));
        var startedWhileOut = harness.Runner.Started.Count;
        harness.RestoreHistory();
        await harness.AdvanceToAsync(Start.AddMinutes(7).AddSeconds(30));
        await harness.StopAsync();

        Assert.Equal(1, startedWhileOut);
        Assert.Equal("12:01,12:05,12:06,12:07", Minutes(harness.Runner.Started.Select(run => run.ScheduledAt)));
        var missed = Assert.Single(await harness.MissedAsync());
        Assert.Equal("12:04", Minutes([missed.ScheduledAt!.Value]));
        Assert.StartsWith("3 occurrence(s) up to this one were missed", missed.ErrorSummary, StringComparison.Ordinal);
        Assert.Single(log.Lines, line => line.Contains("History store unusable", StringComparison.Ordinal));
        Assert.Single(log.Lines, line => line.Contains("History store takes writes again", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    //   13:00 run A holds ─────────────────── stop
    //   14:00 occurrence B queued behind A    │ history gone, then stop: B's Skipped row cannot be written anywhere,
    //                                         │ so the scheduler names it in its log rather than lose it unseen
    [Fact]
    public async Task Scheduler_NamesTheRowsItCouldNotWrite_WhenStoppedWhileTheStoreIsOut()
    {
        var log = new RecordingLog();
        await using var harness = await SchedulerHarness.CreateAsync(Start, new RecordingRunner { HoldRuns = true }, log);
        harness.Start(TestJobs.Scheduled("report", "0 * * * *", concurrency: ConcurrencyPolicy.Queue));
        await harness.AdvanceToAsync(Start.AddHours(2));
        await harness.Runner.WaitForStartsAsync(1);

        harness.MakeHistoryUnavailable();
        await harness.StopAsync();
        harness.RestoreHistory();

        var lost = Assert.Single(log.Lines, line => line.Contains("these were not recorded", StringComparison.Ordinal));
        Assert.Contains("the Skipped occurrence 2026-06-01T14:00:00Z of job 'report'", lost, StringComparison.Ordinal);
        Assert.DoesNotContain(await harness.RowsAsync(), row => row.Status == RunStatus.Skipped);
    }

    private static string Minutes(IEnumerable<DateTimeOffset> times) =>
        string.Join(',', times.Select(time => time.ToString("HH:mm", CultureInfo.InvariantCulture)));
}
