using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>The real <c>exojobs scheduler</c> on a six-field every-2-seconds schedule: stopped by SIGTERM, killed by SIGKILL.</summary>
public sealed partial class SchedulerCommandTests
{
    [Fact]
    public async Task Scheduler_OnSigterm_CancelsTheRunningRun_RecordsItCanceled_AndExits0_LosingNoOccurrence()
    {
        using var workspace = Workspace.FromFixture("scheduler");
        using var scheduler = ExojobsProcess.Start(workspace.Directory, environment: null, "scheduler");
        await scheduler.WaitForOutputAsync("of job 'every-2s' started");
        await scheduler.WaitForOutputAsync("skipped: run ");

        // The ad hoc run of the same job is refused while the scheduler runs it, and says who holds it.
        var adHoc = await ExojobsProcess.RunAsync(workspace.Directory, "run", "every-2s");
        var runId = RunStartedPattern().Match(scheduler.StandardOutput).Groups["id"].Value;
        Assert.True(adHoc.ExitCode == 1, adHoc.ToString());
        Assert.Matches($@"job 'every-2s' is already running \(pid {ScheduledPid(scheduler)} on host .+, started at .+Z, run id {runId}\); nothing was run", adHoc.StandardError);

        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Scheduler stopped", result.StandardOutput, StringComparison.Ordinal);
        var rows = await HistoryRows.ReadAsync(workspace, "every-2s");
        var run = Assert.Single(rows, row => row.Status != "Skipped");
        Assert.Equal((runId, "Canceled", 130), (run.RunId, run.Status, run.ExitCode));
        Assert.All(rows.Where(row => row.Status == "Skipped"), row => Assert.Contains($"run {runId} of this job was still running", row.ErrorSummary, StringComparison.Ordinal));

        // Every occurrence from the first to the last is there exactly once: none lost, none run or skipped twice.
        var occurrences = rows.Select(row => row.ScheduledAt!.Value).Order().ToList();
        Assert.True(occurrences.Count >= 2, $"expected a run and a skip, got {occurrences.Count} row(s)");
        var expected = Enumerable.Range(0, occurrences.Count).Select(index => occurrences[0].AddSeconds(2 * index));
        Assert.Equal(expected, occurrences);
        Assert.Equal(rows.Count, rows.Select(row => row.RunId).Distinct().Count());
    }

    [Fact]
    public async Task Scheduler_AfterSigkill_RecordsTheInterruptedRunAsAbandoned_AtTheNextStart()
    {
        using var workspace = Workspace.FromFixture("scheduler");
        string killedRunId;
        using (var first = ExojobsProcess.Start(workspace.Directory, environment: null, "scheduler"))
        {
            await first.WaitForOutputAsync("of job 'every-2s' started");
            killedRunId = RunStartedPattern().Match(first.StandardOutput).Groups["id"].Value;
            using var process = Process.GetProcessById(ScheduledPid(first));
            process.Kill();
            await first.WaitAsync();
        }

        // Read past exojobs, which would settle it: the row is still Running until the next command opens the history.
        Assert.Equal("Running", await HistoryDatabaseFile.ScalarAsync(workspace, "SELECT status FROM runs WHERE run_id = $id", ("$id", killedRunId)));

        using var second = ExojobsProcess.Start(workspace.Directory, environment: null, "scheduler");
        await second.WaitForOutputAsync($"Run {killedRunId} of job 'every-2s' was left Running by process");
        second.Signal(PosixSignal.SIGTERM);
        var result = await second.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var killed = (await HistoryRows.ReadAsync(workspace, "every-2s")).Single(row => row.RunId == killedRunId);
        Assert.Equal("Abandoned", killed.Status);
        Assert.Contains("ended without recording how the run ended", killed.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_SurvivesBodiesThatThrowOrHang_AndKeepsRunningTheOthers()
    {
        using var workspace = Workspace.FromFixture("scheduler-resilience");
        using var scheduler = ExojobsProcess.Start(workspace.Directory, environment: null, "scheduler");
        await scheduler.WaitForOutputAsync("of job 'hangs' ended: TimedOut");
        await scheduler.WaitForOutputAsync("of job 'throws' ended: Failed");
        var heartbeatsBefore = HeartbeatCount(scheduler.StandardOutput);
        while (HeartbeatCount(scheduler.StandardOutput) == heartbeatsBefore)
        {
            await scheduler.WaitForOutputAsync("of job 'heartbeat' ended: Succeeded");
            await Task.Delay(200);
        }

        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        var rows = await HistoryRows.ReadAsync(workspace);
        Assert.Contains(rows, row => row.Job == "hangs" && row.Status == "TimedOut" && row.ExitCode == 4);
        Assert.Contains(rows, row => row.Job == "throws" && row.Status == "Failed" && row.ErrorSummary!.Contains("distribution list sync failed", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Status == "Running");
    }

    /// <summary>
    /// Out of memory under a heap limit can strike whichever thread allocates next, so the body that exhausts memory
    /// runs in a scheduler of its own: what this test asserts (the run recorded Failed, the scheduler going on to the
    /// next occurrence and stopping cleanly) holds whichever thread the failure hits, and no other job is at stake.
    /// </summary>
    [Fact]
    public async Task Scheduler_RecordsABodyThatExhaustsMemory_AsFailed_AndGoesOnScheduling()
    {
        using var workspace = Workspace.FromFixture("scheduler-memory");
        var environment = new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x30000000" };
        using var scheduler = ExojobsProcess.Start(workspace.Directory, environment, "scheduler");
        while (Regex.Count(scheduler.StandardOutput, "of job 'exhausts-memory' ended: Failed") < 2)
        {
            await scheduler.WaitForOutputAsync("of job 'exhausts-memory' ended: Failed");
            await Task.Delay(200);
        }

        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        var rows = await HistoryRows.ReadAsync(workspace);
        Assert.True(
            rows.Count(row => row.Job == "exhausts-memory" && row.Status == "Failed" && row.ErrorSummary!.Contains("OutOfMemoryException", StringComparison.Ordinal)) >= 2,
            string.Join('\n', rows));
        Assert.DoesNotContain(rows, row => row.Status == "Running");
    }

    private static int HeartbeatCount(string output) => Regex.Count(output, "of job 'heartbeat' ended: Succeeded");

    private static int ScheduledPid(ExojobsProcess scheduler) =>
        int.Parse(SchedulerPidPattern().Match(scheduler.StandardOutput).Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Scheduler started \(pid (?<pid>\d+)\)")]
    private static partial Regex SchedulerPidPattern();

    [GeneratedRegex(@"Run (?<id>\d{8}-\d{6}-[0-9a-f]{6}) of job 'every-2s' started")]
    private static partial Regex RunStartedPattern();
}
