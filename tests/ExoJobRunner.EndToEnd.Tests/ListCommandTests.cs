using System.Text.Json;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs list</c>: jobs with their next occurrence in their own time zone, with the UTC offset.</summary>
public sealed class ListCommandTests
{
    [Theory]
    [InlineData("hello-csharp",     "csx",        "30 2 * * *",     "Europe/Berlin",    @"^\d{4}-\d\d-\d\dT02:30:00\+0[12]:00$")]
    [InlineData("hello-powershell", "ps1",        "0 */15 * * * *", "America/New_York", @"^\d{4}-\d\d-\d\dT\d\d:(00|15|30|45):00-0[45]:00$")]
    [InlineData("throws-csharp",    "csharp",     null,             "Europe/Berlin",    null)]
    [InlineData("throws-powershell", "powershell", null,            "Europe/Berlin",    null)]
    public async Task List_Json_ShowsBodyScheduleZoneAndNextOccurrence(string job, string body, string? schedule, string zone, string? nextPattern)
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        var entry = document.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == job);
        Assert.Equal(body, entry.GetProperty("body").GetString());
        Assert.Equal(schedule, entry.GetProperty("schedule").GetString());
        Assert.Equal(zone, entry.GetProperty("timeZone").GetString());
        var next = entry.GetProperty("next").GetString();
        if (nextPattern is null)
        {
            Assert.Null(next);
        }
        else
        {
            Assert.Matches(nextPattern, next);
        }
    }

    [Fact]
    public async Task List_Table_ShowsEveryJob()
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var job in new[] { "hello-csharp", "hello-powershell", "timeout-powershell", "waits-for-interrupt" })
        {
            Assert.Contains(job, result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("on demand", result.StandardOutput, StringComparison.Ordinal);
    }
}
