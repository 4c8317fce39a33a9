using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs run</c> recording its runs, and <c>exojobs history</c> and <c>exojobs logs</c> reading them back.</summary>
public sealed class HistoryCommandTests
{
    [Fact]
    public async Task Run_RecordsItsRun_AndLogsPrintsItsLog()
    {
        using var workspace = Workspace.FromFixture("scheduler");

        var run = await ExojobsProcess.RunAsync(workspace.Directory, "run", "on-demand");

        Assert.True(run.ExitCode == 0, run.ToString());
        var row = Assert.Single(await HistoryRows.ReadAsync(workspace, "on-demand"));
        Assert.Equal(("Manual", "Succeeded", 0, (DateTimeOffset?)null), (row.Trigger, row.Status, row.ExitCode, row.ScheduledAt));
        Assert.Contains($"Run {row.RunId}: Succeeded", run.StandardOutput, StringComparison.Ordinal);

        var logs = await ExojobsProcess.RunAsync(workspace.Directory, "logs", row.RunId[..^2]);

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains("hello from on-demand", logs.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Run {row.RunId} of job 'on-demand' ended: Succeeded", logs.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_PrintsATable_WithTheRunsStatusAndExitCode()
    {
        using var workspace = Workspace.FromFixture("scheduler");
        await ExojobsProcess.RunAsync(workspace.Directory, "run", "on-demand");

        var history = await ExojobsProcess.RunAsync(workspace.Directory, "history");

        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Matches(@"\d{8}-\d{6}-[0-9a-f]{6}\s+on-demand\s+Manual\s+-\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\S+\s+Succeeded\s+0", history.StandardOutput);
    }

    [Theory]
    [InlineData("Exits0_WhenNothingWasRecorded",       0, "No runs recorded yet",        "history")]
    [InlineData("Exits2_ForAJobKnownToNeither",        2, "no job named 'nope'",          "history", "nope")]
    [InlineData("Exits2_ForAnUnknownRunId",            2, "no run '20990101-000000'",     "logs", "20990101-000000")]
    [InlineData("Exits2_WhenLastIsNotPositive",        2, "--last must be at least 1",    "history", "--last", "0")]
    public async Task HistoryAndLogs_AnswerEdgeCasesWithAMessage(string spec, int exitCode, string expected, params string[] arguments)
    {
        using var workspace = Workspace.FromFixture("scheduler");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);

        Assert.True(result.ExitCode == exitCode, spec + ": " + result);
        Assert.Contains(expected, result.AllOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.PathOf(".exojobs/history.db")), "reading history must not create it");
    }
}
