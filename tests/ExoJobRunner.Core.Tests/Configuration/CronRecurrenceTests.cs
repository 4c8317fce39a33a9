using ExoJobRunner.Core.Configuration.Validation;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>Which cron schedules read as a calendar pattern (Task Scheduler's triggers), and why the others do not.</summary>
public sealed class CronRecurrenceTests
{
    [Theory]
    [InlineData("30 6 * * *",       "Daily 06:30")]
    [InlineData("0 30 6 * * *",     "Daily 06:30")]
    [InlineData("@daily",           "Daily 00:00")]
    [InlineData("30 6 * * 1-5",     "Weekly 06:30 Monday,Tuesday,Wednesday,Thursday,Friday")]
    [InlineData("0 22 ? * SAT,7",   "Weekly 22:00 Sunday,Saturday")]
    [InlineData("@weekly",          "Weekly 00:00 Sunday")]
    [InlineData("15 3 1,15 * *",    "Monthly 03:15 1,15")]
    [InlineData("@monthly",         "Monthly 00:00 1")]
    [InlineData("*/15 * * * *",     "EveryMinutes 15")]
    [InlineData("* * * * *",        "EveryMinutes 1")]
    [InlineData("@hourly",          "EveryHours 1 past 0")]
    [InlineData("5 */2 * * *",      "EveryHours 2 past 5")]
    public void TryDescribe_ReadsCalendarPatterns(string expression, string expected)
    {
        var recurrence = CronRecurrence.TryDescribe(CronFields.Split(expression)!, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, Describe(recurrence!));
    }

    [Theory]
    [InlineData("15 * * * * *",     "cannot start tasks at a given second")]
    [InlineData("@every_second",    "cannot start tasks at a given second")]
    [InlineData("0 0 1 1 *",        "only schedules that run every month")]
    [InlineData("@yearly",          "only schedules that run every month")]
    [InlineData("*/7 * * * *",      "nor a step that divides the hour or the day evenly")]
    [InlineData("0 */5 * * *",      "nor a step that divides the hour or the day evenly")]
    [InlineData("0 0 L * *",        "nor a step that divides the hour or the day evenly")]
    [InlineData("0 0 * * MON#2",    "nor a step that divides the hour or the day evenly")]
    [InlineData("0 9 1 * MON",      "nor a step that divides the hour or the day evenly")]
    public void TryDescribe_RefusesWhatHasNoFaithfulPattern_SayingWhy(string expression, string expectedProblem)
    {
        var recurrence = CronRecurrence.TryDescribe(CronFields.Split(expression)!, out var problem);

        Assert.Null(recurrence);
        Assert.Contains(expectedProblem, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/5 * * * *",      null,   "*/5", "*", "*", "*", "*")]
    [InlineData("\t0  6 * *\t1 ",   null,   "0",   "6", "*", "*", "1")]
    [InlineData("10 0 6 * * 1",     "10",   "0",   "6", "*", "*", "1")]
    [InlineData("@Midnight",        null,   "0",   "0", "*", "*", "*")]
    public void Split_SeparatesFieldsOnSpacesAndTabs_AndExpandsMacros(string expression, string? second, string minute, string hour, string dayOfMonth, string month, string dayOfWeek)
    {
        Assert.Equal(new CronFields(second, minute, hour, dayOfMonth, month, dayOfWeek), CronFields.Split(expression));
    }

    [Theory]
    [InlineData("0 6 * *")]
    [InlineData("0 0 6 * * * *")]
    [InlineData("@fortnightly")]
    public void Split_ReturnsNull_ForAnythingButFiveOrSixFieldsOrAKnownMacro(string expression)
    {
        Assert.Null(CronFields.Split(expression));
    }

    private static string Describe(CronRecurrence recurrence) => recurrence switch
    {
        CronRecurrence.Daily daily => $"Daily {daily.Time:HH\\:mm}",
        CronRecurrence.Weekly weekly => $"Weekly {weekly.Time:HH\\:mm} {string.Join(',', weekly.Days)}",
        CronRecurrence.Monthly monthly => $"Monthly {monthly.Time:HH\\:mm} {string.Join(',', monthly.Days)}",
        CronRecurrence.EveryMinutes every => $"EveryMinutes {every.Minutes}",
        CronRecurrence.EveryHours every => $"EveryHours {every.Hours} past {every.PastTheHour}",
        _ => throw new ArgumentOutOfRangeException(nameof(recurrence), recurrence, "a pattern this test knows"),
    };
}
