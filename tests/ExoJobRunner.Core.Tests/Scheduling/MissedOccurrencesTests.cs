using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Scheduling.Support;

namespace ExoJobRunner.Core.Tests.Scheduling;

public sealed class MissedOccurrencesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 * * * *",     3,    false, "15:00")]
    [InlineData("*/10 * * * *",  18,   false, "15:00")]
    [InlineData("0 0 1 1 *",     0,    false, null)]
    [InlineData("* * * * * *",   MissedOccurrences.CountLimit, true, "15:00")]
    public void Between_CountsTheOccurrences_AndFindsTheLatest_EvenPastTheCountLimit(string cron, int count, bool lowerBound, string? latest)
    {
        var job = TestJobs.Scheduled("missed", cron);

        var missed = MissedOccurrences.Between(job.Schedule!, job.TimeZone, Noon, Noon.AddHours(3));

        Assert.Equal((count, lowerBound), (missed.Count, missed.CountIsLowerBound));
        Assert.Equal(latest, missed.Latest?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}
