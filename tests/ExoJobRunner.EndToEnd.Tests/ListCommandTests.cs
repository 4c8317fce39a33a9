using System.Globalization;
using System.Text.Json;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs list</c>: jobs with their next occurrence in their own time zone, with the UTC offset.</summary>
public sealed class ListCommandTests
{
    /// <summary>
    /// The fixture's schedules, as the local minutes they fire at (checked here minute by minute, independently of the
    /// scheduler's cron library). 02:30 falls into Berlin's spring gap once a year; the occurrence then moves to 03:00.
    /// </summary>
    private static readonly Dictionary<string, Func<DateTime, TimeZoneInfo, bool>> FiresAt = new()
    {
        ["hello-csharp"] = (local, zone) =>
            (local.Hour == 2 && local.Minute == 30)
            || (local.Hour == 3 && local.Minute == 0 && zone.IsInvalidTime(local.Date.AddHours(2.5))),
        ["hello-powershell"] = (local, _) => local.Minute % 15 == 0,
    };

    [Theory]
    [InlineData("hello-csharp",      "csx",        "30 2 * * *",     "Europe/Berlin")]
    [InlineData("hello-powershell",  "ps1",        "0 */15 * * * *", "America/New_York")]
    [InlineData("throws-csharp",     "csharp",     null,             "Europe/Berlin")]
    [InlineData("throws-powershell", "powershell", null,             "Europe/Berlin")]
    public async Task List_Json_ShowsBodyScheduleZoneAndNextOccurrence(string job, string body, string? schedule, string zone)
    {
        using var workspace = Workspace.FromFixture("basic");
        var before = DateTimeOffset.UtcNow;

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "list", "--json");

        var after = DateTimeOffset.UtcNow;
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        var entry = document.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == job);
        Assert.Equal(body, entry.GetProperty("body").GetString());
        Assert.Equal(schedule, entry.GetProperty("schedule").GetString());
        Assert.Equal(zone, entry.GetProperty("timeZone").GetString());
        AssertNextOccurrence(job, zone, before, after, entry.GetProperty("next").GetString());
    }

    [Fact]
    public async Task List_Table_ShowsEachJobsScheduleZoneAndNextOccurrence_OnItsRow()
    {
        using var workspace = Workspace.FromFixture("basic");
        var before = DateTimeOffset.UtcNow;

        var table = await ExojobsProcess.RunAsync(workspace.Directory, "list");

        var after = DateTimeOffset.UtcNow;
        Assert.True(table.ExitCode == 0, table.ToString());
        var rows = table.StandardOutput.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 0 && Directory.GetFiles(workspace.PathOf("jobs"), cells[0] + ".yaml").Length == 1)
            .ToDictionary(cells => cells[0], cells => string.Join(' ', cells[1..]));
        Assert.Equal(
            ["hello-csharp", "hello-powershell", "no-exchange", "returns-nonzero", "throws-csharp", "throws-powershell",
             "timeout-cooperative", "timeout-ignores-cancellation", "timeout-powershell", "waits-for-interrupt"],
            rows.Keys.Order(StringComparer.Ordinal));

        // name, body, profile, schedule, zone, next, enabled
        Assert.Matches(@"^csx - 30 2 \* \* \* Europe/Berlin (\S+) yes$", rows["hello-csharp"]);
        Assert.Matches(@"^ps1 - 0 \*/15 \* \* \* \* America/New_York (\S+) yes$", rows["hello-powershell"]);
        Assert.Equal("powershell - on demand Europe/Berlin - yes", rows["throws-powershell"]);
        Assert.Equal("csharp - on demand Europe/Berlin - yes", rows["returns-nonzero"]);
        AssertNextOccurrence("hello-csharp", "Europe/Berlin", before, after, rows["hello-csharp"].Split(' ')[^2]);
        AssertNextOccurrence("hello-powershell", "America/New_York", before, after, rows["hello-powershell"].Split(' ')[^2]);
    }

    /// <summary>
    /// <paramref name="shown"/> is the first occurrence after the moment <c>list</c> ran (somewhere between
    /// <paramref name="before"/> and <paramref name="after"/>), as local time with the zone's UTC offset at that instant.
    /// </summary>
    private static void AssertNextOccurrence(string job, string zoneId, DateTimeOffset before, DateTimeOffset after, string? shown)
    {
        if (!FiresAt.TryGetValue(job, out var fires))
        {
            Assert.Null(shown);
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        Assert.NotNull(shown);
        var next = DateTimeOffset.ParseExact(shown, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.Equal(zone.GetUtcOffset(next), next.Offset);
        var earliest = FirstFiringAfter(before, zone, fires);
        var latest = FirstFiringAfter(after, zone, fires);
        Assert.True(next >= earliest && next <= latest, $"{job}: next {shown}, expected {earliest:o} (or {latest:o} if list ran later)");
    }

    private static DateTimeOffset FirstFiringAfter(DateTimeOffset moment, TimeZoneInfo zone, Func<DateTime, TimeZoneInfo, bool> fires)
    {
        var minute = new DateTimeOffset(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
        for (; minute < moment.AddDays(3); minute = minute.AddMinutes(1))
        {
            if (fires(TimeZoneInfo.ConvertTime(minute, zone).DateTime, zone))
            {
                return TimeZoneInfo.ConvertTime(minute, zone);
            }
        }

        throw new InvalidOperationException("the schedule does not fire within three days");
    }
}
