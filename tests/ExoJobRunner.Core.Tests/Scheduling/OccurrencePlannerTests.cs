using System.Globalization;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Scheduling.Support;

namespace ExoJobRunner.Core.Tests.Scheduling;

/// <summary>What a job does at one wake-up, from its last handled occurrence and the time alone: no clock, no history.</summary>
public sealed class OccurrencePlannerTests
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    //   last handled ──────── now         fire                         recorded Missed                         handled up to
    [Theory]
    [InlineData("0 * * * *",    "12:00", "13:00:00", MisfirePolicy.RunOnce, "13:00 Schedule",              "",                                   "13:00")]
    [InlineData("0 * * * *",    "12:00", "13:00:59", MisfirePolicy.RunOnce, "13:00 Schedule",              "",                                   "13:00")]
    [InlineData("0 * * * *",    "13:00", "13:20:00", MisfirePolicy.RunOnce, "",                            "",                                   "13:00")]
    [InlineData("0 * * * *",    "10:00", "13:30:00", MisfirePolicy.RunOnce, "13:00 CatchUp",               "12:00 2 occurrence(s) up to this one", "13:00")]
    [InlineData("0 * * * *",    "11:00", "12:30:00", MisfirePolicy.RunOnce, "12:00 CatchUp",               "",                                   "12:00")]
    [InlineData("0 * * * *",    "10:00", "13:30:00", MisfirePolicy.Skip,    "",                            "13:00 3 occurrence(s) up to this one", "13:00")]
    [InlineData("*/20 * * * *", "12:00", "13:00:30", MisfirePolicy.Skip,    "13:00 Schedule",              "12:40 2 occurrence(s) up to this one", "13:00")]
    [InlineData("*/20 * * * *", "12:00", "13:00:30", MisfirePolicy.RunOnce, "13:00 Schedule",              "12:40 2 occurrence(s) up to this one", "13:00")]
    [InlineData("* * * * * *",  "12:00", "12:00:03", MisfirePolicy.RunOnce, "12:00:01 Schedule,12:00:02 Schedule,12:00:03 Schedule", "", "12:00:03")]
    public void Plan_SplitsMissedFromOnTimeOccurrences_AndAppliesTheMisfirePolicy(
        string cron, string lastHandled, string now, MisfirePolicy policy, string expectedFire, string expectedUnrun, string expectedHandledUpTo)
    {
        var job = TestJobs.Scheduled("job", cron, misfire: policy);

        var plan = OccurrencePlanner.Plan(job, At(lastHandled), At(now));

        Assert.Equal(expectedFire, string.Join(',', plan.Fire.Select(occurrence => $"{Time(occurrence.ScheduledAt)} {occurrence.Trigger}")));
        Assert.Equal(expectedUnrun, plan.Unrun is { } unrun ? $"{Time(unrun.ScheduledAt)} {unrun.Reason}".Split(" were")[0] : string.Empty);
        Assert.Equal(At(expectedHandledUpTo), plan.LastHandled);
    }

    private static DateTimeOffset At(string time) =>
        Day + TimeSpan.ParseExact(time, time.Length == 5 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
