using System.Globalization;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Scheduling.Support;

namespace ExoJobRunner.Core.Tests.Scheduling;

/// <summary>
/// The scheduler across daylight-saving changes, on a fake clock moved one scheduler wake-up at a time. Each row
/// lists every occurrence that must run between two UTC instants, written in the job's zone with its offset, so a
/// double run or a lost one shows up as a wrong list.
/// </summary>
public sealed class SchedulerDaylightSavingTests
{
    [Theory]
    // Europe/Berlin, spring forward on 2026-03-29: 02:00 CET (+01:00) jumps to 03:00 CEST (+02:00).
    //
    //   local  01:00+01  01:30+01  |02:00 .. 02:59 do not exist|  03:00+02  03:30+02
    //   UTC    00:00     00:30                                    01:00     01:30
    //
    // A fixed time in the gap runs once, at the first valid time after it; an interval just carries on.
    [InlineData("Europe/Berlin", "30 2 * * *", "2026-03-27T23:00:00Z", "2026-03-30T06:00:00Z",
        "2026-03-28T02:30:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00")]
    [InlineData("Europe/Berlin", "*/30 * * * *", "2026-03-29T00:15:00Z", "2026-03-29T01:45:00Z",
        "2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T03:30:00+02:00")]
    // Europe/Berlin, fall back on 2026-10-25: 03:00 CEST (+02:00) goes back to 02:00 CET (+01:00).
    //
    //   local  02:00+02  02:30+02  |03:00+02 = 02:00+01|  02:30+01  03:00+01
    //   UTC    00:00     00:30      01:00                 01:30     02:00
    //
    // A fixed time in the repeated hour runs once (in the first copy); an interval runs in both copies.
    [InlineData("Europe/Berlin", "30 2 * * *", "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z",
        "2026-10-25T02:30:00+02:00")]
    [InlineData("Europe/Berlin", "*/30 * * * *", "2026-10-24T23:15:00Z", "2026-10-25T02:15:00Z",
        "2026-10-25T01:30:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00",
        "2026-10-25T02:00:00+01:00", "2026-10-25T02:30:00+01:00", "2026-10-25T03:00:00+01:00")]
    [InlineData("Europe/Berlin", "0 */20 2 * * *", "2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z",
        "2026-10-25T02:00:00+02:00", "2026-10-25T02:20:00+02:00", "2026-10-25T02:40:00+02:00",
        "2026-10-25T02:00:00+01:00", "2026-10-25T02:20:00+01:00", "2026-10-25T02:40:00+01:00")]
    // America/New_York, spring forward on 2026-03-08: 02:00 EST (-05:00) jumps to 03:00 EDT (-04:00).
    //
    //   local  01:00-05  01:30-05  |02:00 .. 02:59 do not exist|  03:00-04  03:30-04
    //   UTC    06:00     06:30                                    07:00     07:30
    [InlineData("America/New_York", "30 2 * * *", "2026-03-07T05:00:00Z", "2026-03-09T12:00:00Z",
        "2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00")]
    [InlineData("America/New_York", "*/30 * * * *", "2026-03-08T06:15:00Z", "2026-03-08T07:45:00Z",
        "2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00")]
    // America/New_York, fall back on 2026-11-01: 02:00 EDT (-04:00) goes back to 01:00 EST (-05:00).
    //
    //   local  01:00-04  01:30-04  |02:00-04 = 01:00-05|  01:30-05  02:00-05
    //   UTC    05:00     05:30      06:00                 06:30     07:00
    [InlineData("America/New_York", "30 1 * * *", "2026-10-31T12:00:00Z", "2026-11-01T12:00:00Z",
        "2026-11-01T01:30:00-04:00")]
    [InlineData("America/New_York", "*/30 * * * *", "2026-11-01T04:15:00Z", "2026-11-01T07:15:00Z",
        "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00",
        "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:00:00-05:00")]
    [InlineData("America/New_York", "0 */15 1 * * *", "2026-11-01T04:30:00Z", "2026-11-01T07:30:00Z",
        "2026-11-01T01:00:00-04:00", "2026-11-01T01:15:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:45:00-04:00",
        "2026-11-01T01:00:00-05:00", "2026-11-01T01:15:00-05:00", "2026-11-01T01:30:00-05:00", "2026-11-01T01:45:00-05:00")]
    public async Task Scheduler_RunsEachOccurrenceOnce_AcrossDaylightSavingChanges(string zone, string cron, string from, string to, params string[] expected)
    {
        await using var harness = await SchedulerHarness.CreateAsync(Utc(from));
        var job = TestJobs.Scheduled("dst", cron, zone);
        harness.Start(job);

        await harness.AdvanceToAsync(Utc(to));
        await harness.StopAsync();

        var fired = harness.Runner.Started.Select(run => OccurrenceFormat.InZone(run.ScheduledAt, job.TimeZone)).ToList();
        Assert.Empty((await harness.SkippedAsync()).Select(r => r.ErrorSummary + " " + r.ScheduledAt));
        Assert.Equal(expected, fired);
    }

    [Fact]
    public async Task Scheduler_RunsSixFieldSchedulesToTheSecond()
    {
        var start = Utc("2026-06-01T12:00:00Z");
        await using var harness = await SchedulerHarness.CreateAsync(start);
        harness.Start(TestJobs.Scheduled("every-2s", "*/2 * * * * *"));

        await harness.AdvanceToAsync(start.AddSeconds(9));
        await harness.StopAsync();

        Assert.Equal(
            [start.AddSeconds(2), start.AddSeconds(4), start.AddSeconds(6), start.AddSeconds(8)],
            harness.Runner.Started.Select(run => run.ScheduledAt));
    }

    [Fact]
    public async Task Scheduler_NeverRerunsAnOccurrence_WhenTheClockIsSetBack()
    {
        var start = Utc("2026-06-01T12:00:00Z");
        await using var harness = await SchedulerHarness.CreateAsync(start);
        var job = TestJobs.Scheduled("hourly", "0 * * * *");
        harness.Start(job);
        await harness.AdvanceToAsync(start.AddHours(2).AddMinutes(5));
        await harness.StopAsync();

        // The machine's clock is corrected back by two hours while the scheduler is down; on restart it must wait
        // for 15:00 rather than run 13:00 and 14:00 again.
        harness.Clock.AdjustTime(start.AddMinutes(5));
        harness.Start(job);
        await harness.AdvanceToAsync(start.AddHours(3).AddMinutes(5));
        await harness.StopAsync();

        Assert.Equal(
            [start.AddHours(1), start.AddHours(2), start.AddHours(3)],
            harness.Runner.Started.Select(run => run.ScheduledAt));
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
