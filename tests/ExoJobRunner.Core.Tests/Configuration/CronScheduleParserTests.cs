using ExoJobRunner.Core.Configuration.Validation;

namespace ExoJobRunner.Core.Tests.Configuration;

public sealed class CronScheduleParserTests
{
    [Theory]
    [InlineData("0 6 * * 1",        "0 6 * * 1",      false)]
    [InlineData("  0 6 * * 1  ",    "0 6 * * 1",      false)]
    [InlineData("*/10 * * * * *",   "*/10 * * * * *", true)]
    [InlineData("@daily",           "@daily",         false)]
    [InlineData("@every_second",    "@every_second",  true)]
    [InlineData("0 0 L * *",        "0 0 L * *",      false)]
    public void TryParse_PicksSecondsFormat_FromTheFieldCount(string expression, string expectedExpression, bool includesSeconds)
    {
        Assert.True(CronScheduleParser.TryParse(expression, out var schedule, out var problem));

        Assert.Null(problem);
        Assert.Equal(expectedExpression, schedule.Expression);
        Assert.Equal(includesSeconds, schedule.IncludesSeconds);
    }

    [Fact]
    public void TryParse_SixFields_FiresEveryTenSeconds_FiveFields_EveryTenMinutes()
    {
        var from = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.True(CronScheduleParser.TryParse("*/10 * * * * *", out var seconds, out _));
        Assert.True(CronScheduleParser.TryParse("*/10 * * * *", out var minutes, out _));

        Assert.Equal(from.AddSeconds(10), seconds.GetNextOccurrence(from, TimeZoneInfo.Utc));
        Assert.Equal(from.AddMinutes(10), minutes.GetNextOccurrence(from, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("0 6 * *",         "it has 4 fields")]
    [InlineData("0 0 6 * * * *",   "it has 7 fields")]
    [InlineData("",                "it has 0 fields")]
    [InlineData("61 * * * *",      "Minutes")]
    [InlineData("0 6 * * MON-XYZ", "Days of week")]
    [InlineData("@fortnightly",    "invalid format")]
    public void TryParse_ExplainsWhatIsWrong(string expression, string expectedProblem)
    {
        Assert.False(CronScheduleParser.TryParse(expression, out var schedule, out var problem));

        Assert.Null(schedule);
        Assert.Contains(expectedProblem, problem, StringComparison.Ordinal);
    }
}
