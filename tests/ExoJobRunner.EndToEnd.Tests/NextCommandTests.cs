using System.Text.Json;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs next</c>: occurrences in the job's zone with their UTC offset, across a DST change.</summary>
public sealed class NextCommandTests
{
    [Fact]
    public async Task Next_ShowsBothCopiesOfTheRepeatedHour_WithTheirOffsets()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "next", "every-15m", "--from", "2026-10-25T00:40:00Z", "--count", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            Job 'every-15m': */15 * * * * in Europe/Berlin
              2026-10-25T02:45:00+02:00  (2026-10-25T00:45:00Z)
              2026-10-25T02:00:00+01:00  (2026-10-25T01:00:00Z)
              2026-10-25T02:15:00+01:00  (2026-10-25T01:15:00Z)
              2026-10-25T02:30:00+01:00  (2026-10-25T01:30:00Z)
              2026-10-25T02:45:00+01:00  (2026-10-25T01:45:00Z)

            """.ReplaceLineEndings(),
            result.StandardOutput);
    }

    [Fact]
    public async Task Next_ReadsAFromTimeWithoutOffsetInTheJobsZone_AndPrintsJson()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "next", "weekday-report", "--from", "2026-03-27T12:00", "--count", "2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(
            ["2026-03-30T06:30:00+02:00", "2026-03-31T06:30:00+02:00"],
            json.RootElement.EnumerateArray().Select(occurrence => occurrence.GetProperty("local").GetString()));
        Assert.Equal("2026-03-30T04:30:00Z", json.RootElement[0].GetProperty("utc").GetString());
    }

    [Theory]
    [InlineData("--from expects an ISO 8601 time", "next", "every-15m", "--from", "tomorrow")]
    [InlineData("--count must be between 1 and 1000", "next", "every-15m", "--count", "0")]
    [InlineData("no job named 'nope'", "next", "nope")]
    public async Task Next_RejectsBadArguments_WithExitCode2(string expected, params string[] arguments)
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
    }
}
