using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// The history store on bad days, with the real <c>exojobs</c>: a history folder that fills up (a small tmpfs the
/// test mounts) or turns read-only, a damaged database, a run killed by SIGKILL, a row from a newer exojobs.
/// </summary>
public sealed partial class HistoryStoreTests
{
    private const int EnvironmentError = 8;

    /// <summary>Compiled scripts stay off the small file system: what is under test is history, not the script cache.</summary>
    private static Dictionary<string, string?> CacheOutside(Workspace workspace) =>
        new() { ["EXOJOBS_CACHE_DIR"] = workspace.PathOf("cache") };

    [Fact]
    public async Task Scheduler_WhileTheHistoryFolderIsFull_StartsNoRun_SaysSoOnce_AndResumesByItself_WithNoLockLeftHeld()
    {
        using var workspace = Workspace.FromFixture("history-store");
        using var disk = SmallFileSystem.Mount(workspace.PathOf(".exojobs"), sizeKilobytes: 8192);
        using var scheduler = ExojobsProcess.Start(workspace.Directory, CacheOutside(workspace), "scheduler");
        await scheduler.WaitForOutputAsync("of job 'tick' ended: Succeeded");

        disk.Fill();
        await scheduler.WaitForOutputAsync("History store unusable");
        var ticksBeforeRecovery = TickCount(scheduler.StandardOutput);
        await Task.Delay(TimeSpan.FromSeconds(6));
        var ticksWhileFull = TickCount(scheduler.StandardOutput) - ticksBeforeRecovery;
        disk.Free();
        await scheduler.WaitForOutputAsync("History store takes writes again");
        var ticksAtRecovery = TickCount(scheduler.StandardOutput);
        while (TickCount(scheduler.StandardOutput) < ticksAtRecovery + 2)
        {
            await scheduler.WaitForOutputAsync("of job 'tick' ended: Succeeded");
            await Task.Delay(200);
        }

        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, ticksWhileFull);
        Assert.Single(Regex.Matches(result.StandardOutput, "History store unusable"));
        Assert.Contains($"the history folder '{disk.MountPoint}' is on a full disk", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        var rows = await HistoryRows.ReadAsync(workspace, "tick");
        Assert.DoesNotContain(rows, row => row.ErrorSummary?.Contains("already running", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(rows, row => row.Status == "Running");
        Assert.True(rows.Count(row => row.Status == "Succeeded") >= 3, string.Join('\n', rows));
    }

    [Fact]
    public async Task Run_WithAFullHistoryFolder_Exits8_NamingTheFullFolder_AndRunsAgainOnceThereIsSpace()
    {
        using var workspace = Workspace.FromFixture("history-store");
        using var disk = SmallFileSystem.Mount(workspace.PathOf(".exojobs"), sizeKilobytes: 4096);
        var environment = CacheOutside(workspace);
        Assert.Equal(0, (await ExojobsProcess.RunAsync(workspace.Directory, environment, "run", "tick")).ExitCode);

        disk.Fill();
        var full = await ExojobsProcess.RunAsync(workspace.Directory, environment, "run", "tick");
        disk.Free();
        var again = await ExojobsProcess.RunAsync(workspace.Directory, environment, "run", "tick");

        Assert.True(full.ExitCode == EnvironmentError, full.ToString());
        Assert.Contains($"the history folder '{disk.MountPoint}' is on a full disk", full.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.AllOutput, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(["Succeeded", "Succeeded"], (await HistoryRows.ReadAsync(workspace, "tick")).Select(row => row.Status));
    }

    [Fact]
    public async Task Run_WithAReadOnlyHistoryFolder_Exits8_SayingItIsReadOnly()
    {
        using var workspace = Workspace.FromFixture("history-store");
        using var disk = SmallFileSystem.Mount(workspace.PathOf(".exojobs"), sizeKilobytes: 4096);
        var environment = CacheOutside(workspace);
        Assert.Equal(0, (await ExojobsProcess.RunAsync(workspace.Directory, environment, "run", "tick")).ExitCode);

        disk.MakeReadOnly();
        var result = await ExojobsProcess.RunAsync(workspace.Directory, environment, "run", "tick");

        Assert.True(result.ExitCode == EnvironmentError, result.ToString());
        Assert.Contains($"the history folder '{disk.MountPoint}' is read-only", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_SettlesARunKilledBySigkill_AsAbandoned_WhateverJobItAsksAbout()
    {
        using var workspace = Workspace.FromFixture("history-store");
        string runId;
        using (var run = ExojobsProcess.Start(workspace.Directory, environment: null, "run", "waits"))
        {
            await run.WaitForOutputAsync("waiting");
            runId = RunIdPattern().Match(run.StandardOutput).Value;

            // Dispose kills the process outright (SIGKILL): it records nothing.
        }

        var otherJob = await ExojobsProcess.RunAsync(workspace.Directory, "history", "tick");

        Assert.True(otherJob.ExitCode == 0, otherJob.ToString());
        Assert.Equal("Abandoned", await HistoryDatabaseFile.ScalarAsync(workspace, "SELECT status FROM runs WHERE run_id = $id", ("$id", runId)));
        var killed = Assert.Single(await HistoryRows.ReadAsync(workspace, "waits"));
        Assert.Contains("ended without recording how the run ended", killed.ErrorSummary, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[]> DamagedDatabases => new()
    {
        { "garbage",   "is damaged",            ["history"] },
        { "garbage",   "is damaged",            ["run", "tick"] },
        { "garbage",   "is damaged",            ["scheduler"] },
        { "zero-byte", "is empty (0 bytes)",    ["history"] },
        { "zero-byte", "is empty (0 bytes)",    ["run", "tick"] },
        { "zero-byte", "is empty (0 bytes)",    ["scheduler"] },
        { "bad-page",  "is damaged",            ["history", "--json"] },
        { "bad-page",  "is damaged (its integrity check found: ", ["scheduler"] },
    };

    [Theory]
    [MemberData(nameof(DamagedDatabases))]
    public async Task DamagedDatabase_Exits8_SayingWhatToDo_AndIsKeptAsItIs(string damage, string expected, string[] arguments)
    {
        using var workspace = Workspace.FromFixture("history-store");
        var path = HistoryDatabaseFile.PathIn(workspace);
        await DamageAsync(workspace, damage);
        var before = await File.ReadAllBytesAsync(path);

        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);

        Assert.True(result.ExitCode == EnvironmentError, result.ToString());
        Assert.Contains($"the history database '{path}' {expected}", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task History_ShowsAStatusItDoesNotKnow_AsStored()
    {
        using var workspace = Workspace.FromFixture("history-store");
        Assert.Equal(0, (await ExojobsProcess.RunAsync(workspace.Directory, "run", "tick")).ExitCode);
        await HistoryDatabaseFile.ExecuteAsync(workspace, "UPDATE runs SET status = 'PartlyDone'");

        var table = await ExojobsProcess.RunAsync(workspace.Directory, "history");
        var json = await ExojobsProcess.RunAsync(workspace.Directory, "history", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("PartlyDone", table.StandardOutput, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var rows = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal("PartlyDone", rows.RootElement[0].GetProperty("status").GetString());
    }

    //   now-3h ── occurrence ── occurrence ── occurrence ──── now: the scheduler starts again
    //   (the job runs at a minute of the hour at least 29 minutes from now, so all three are missed, none on time)
    [Fact]
    public async Task Scheduler_MisfireRunOnce_AfterDowntime_RunsTheLatestMissedOccurrenceOnce_AndRecordsTheOthersAsMissed()
    {
        using var workspace = Workspace.FromFixture("misfire");
        var now = DateTimeOffset.UtcNow;
        var minute = (now.Minute + 30) % 60;
        workspace.Write("jobs/hourly.yaml", string.Create(CultureInfo.InvariantCulture, $"schedule: \"{minute} * * * *\"\nmisfire: runOnce\ncsharp: |\n  Log.LogInformation(\"caught up\");\n"));
        Assert.Equal(0, (await ExojobsProcess.RunAsync(workspace.Directory, "run", "hourly")).ExitCode);
        var lastHandled = now.AddHours(-3);
        await HistoryDatabaseFile.ExecuteAsync(
            workspace,
            "INSERT INTO job_state (job, last_occurrence) VALUES ('hourly', $at)",
            ("$at", lastHandled.ToUnixTimeMilliseconds()));
        var occurrences = Enumerable.Range(0, 4)
            .Select(hours => new DateTimeOffset(lastHandled.Year, lastHandled.Month, lastHandled.Day, lastHandled.Hour, minute, 0, TimeSpan.Zero).AddHours(hours))
            .Where(occurrence => occurrence > lastHandled && occurrence < now)
            .ToList();

        using var scheduler = ExojobsProcess.Start(workspace.Directory, environment: null, "scheduler");
        await scheduler.WaitForOutputAsync("of job 'hourly' ended: Succeeded");
        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, occurrences.Count);
        var rows = (await HistoryRows.ReadAsync(workspace, "hourly")).Where(row => row.Trigger != "Manual").ToList();
        Assert.Equal(
            [("Missed", "Schedule", occurrences[1]), ("Succeeded", "CatchUp", occurrences[2])],
            rows.Select(row => (row.Status, row.Trigger, row.ScheduledAt!.Value)));
        Assert.StartsWith("2 occurrence(s) up to this one were missed", rows[0].ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("only the latest", rows[0].ErrorSummary, StringComparison.Ordinal);
    }

    private static int TickCount(string output) => Regex.Count(output, "of job 'tick' ended: Succeeded");

    private static async Task DamageAsync(Workspace workspace, string damage)
    {
        var path = HistoryDatabaseFile.PathIn(workspace);
        switch (damage)
        {
            case "garbage":
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 16384).Select(i => (byte)(i * 37))]);
                break;
            case "zero-byte":
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, []);
                break;
            default:
                // A real history with its runs table's root page (page 2, after the schema's) overwritten: opening does
                // not read that page; queries and the integrity check do. The write-ahead log is folded in first, so
                // the file holds every page.
                for (var run = 0; run < 5; run++)
                {
                    Assert.Equal(0, (await ExojobsProcess.RunAsync(workspace.Directory, "run", "tick")).ExitCode);
                }

                await HistoryDatabaseFile.ExecuteAsync(workspace, "PRAGMA wal_checkpoint(TRUNCATE)");

                await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    file.Seek(4096 + 8, SeekOrigin.Begin);
                    await file.WriteAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });
                }

                break;
        }
    }

    [GeneratedRegex(@"\d{8}-\d{6}-[0-9a-f]{6}")]
    private static partial Regex RunIdPattern();
}
