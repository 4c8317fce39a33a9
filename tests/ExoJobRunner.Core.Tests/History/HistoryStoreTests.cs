using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.Tests.History;

public sealed class HistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-history-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "data", "history.db");

    [Fact]
    public async Task Open_CreatesTheDatabaseAtTheLatestSchemaVersion_InWalMode()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);

        Assert.Equal(HistorySchema.LatestVersion, await store.GetSchemaVersionAsync(CancellationToken.None));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
        var reopened = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        Assert.Equal(HistorySchema.LatestVersion, await reopened.GetSchemaVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Open_RefusesADatabaseFromANewerExojobs_NamingTheFileAndWhatToDo()
    {
        await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        await ScalarAsync($"PRAGMA user_version = {HistorySchema.LatestVersion + 1}");

        var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => HistoryStore.OpenAsync(DatabasePath, CancellationToken.None));

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade exojobs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_RefusesAFileThatIsNotADatabase_WithoutAStackTrace()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, "this is a text file, not SQLite, and long enough to have a header page");

        var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => HistoryStore.OpenAsync(DatabasePath, CancellationToken.None));

        Assert.Contains("move it aside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_KeepsEveryField_AndEndUpdatesOnlyARunningRow()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        var row = Row("20260601-120000-aaaaaa", "report", Noon) with { ScheduledAt = Noon, Trigger = RunTrigger.CatchUp, Attempt = 2 };
        await store.RecordAsync(row, CancellationToken.None);
        await store.RecordEndAsync(Ended(row.RunId, RunStatus.Failed, 1, Noon.AddSeconds(3), "boom"), CancellationToken.None);
        await store.RecordEndAsync(Ended(row.RunId, RunStatus.Succeeded, 0, Noon.AddSeconds(9), null), CancellationToken.None);

        var stored = Assert.Single(await store.FindAsync(row.RunId, CancellationToken.None));

        Assert.Equal(row with { Status = RunStatus.Failed, ExitCode = 1, EndedAt = Noon.AddSeconds(3), ErrorSummary = "boom" }, stored);
    }

    [Theory]
    [InlineData("20260601-120000-aaaaaa", 1)]
    [InlineData("20260601-120000", 2)]
    [InlineData("20260601-1300", 0)]
    public async Task Find_MatchesAWholeIdOrAPrefix(string query, int expectedMatches)
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.RecordAsync(Row("20260601-120000-aaaaaa", "report", Noon), CancellationToken.None);
        await store.RecordAsync(Row("20260601-120000-bbbbbb", "report", Noon), CancellationToken.None);

        Assert.Equal(expectedMatches, (await store.FindAsync(query, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task List_ReturnsTheLastRowsOfAJob_OldestFirst_IgnoringCase()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        for (var minute = 0; minute < 5; minute++)
        {
            await store.RecordAsync(Row($"r{minute}", minute % 2 == 0 ? "report" : "other", Noon.AddMinutes(minute)), CancellationToken.None);
        }

        var rows = await store.ListAsync("REPORT", last: 2, CancellationToken.None);

        Assert.Equal(["r2", "r4"], rows.Select(row => row.RunId));
    }

    [Fact]
    public async Task MarkAbandoned_MarksOnlyRowsOfDeadProcessesOnThisHost()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.RecordAsync(Row("dead", "report", Noon) with { ProcessId = Scheduling.SchedulerPolicyTests.DeadProcessId() }, CancellationToken.None);
        await store.RecordAsync(Row("alive", "report", Noon), CancellationToken.None);
        await store.RecordAsync(Row("elsewhere", "report", Noon) with { Host = "another-machine", ProcessId = 1 }, CancellationToken.None);

        var marked = await store.MarkAbandonedAsync(Noon.AddHours(1), CancellationToken.None);

        Assert.Equal(["dead"], marked.Select(row => row.RunId));
        var statuses = (await store.ListAsync(null, 10, CancellationToken.None)).ToDictionary(row => row.RunId, row => row.Status);
        Assert.Equal(RunStatus.Abandoned, statuses["dead"]);
        Assert.Equal(RunStatus.Running, statuses["alive"]);
        Assert.Equal(RunStatus.Running, statuses["elsewhere"]);
    }

    [Theory]
    [InlineData(null, 2,    "a3,a4,b3,b4")]
    [InlineData(3,    null, "a2,a3,a4,b2,b3,b4")]
    [InlineData(2,    1,    "a4,b4")]
    public async Task Prune_KeepsRowsByAgeAndCountPerJob_ButNeverARunningOne(int? keepDays, int? keepRuns, string expectedKept)
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        for (var day = 0; day < 5; day++)
        {
            foreach (var job in new[] { "a", "b" })
            {
                var ended = Row($"{job}{day}", job, Noon.AddDays(day - 4)) with { Status = RunStatus.Succeeded };
                await store.RecordAsync(ended, CancellationToken.None);
            }
        }

        await store.RecordAsync(Row("still-running", "a", Noon.AddDays(-30)), CancellationToken.None);

        await store.PruneAsync(keepDays, keepRuns, Noon.AddMinutes(1), CancellationToken.None);

        var kept = (await store.ListAsync(null, 100, CancellationToken.None)).Select(row => row.RunId).Where(id => id != "still-running").Order();
        Assert.Equal(expectedKept, string.Join(',', kept));
        Assert.Single(await store.FindAsync("still-running", CancellationToken.None));
    }

    [Fact]
    public async Task LastOccurrence_IsRememberedPerJob_AcrossReopening()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.SetLastOccurrencesAsync([("report", Noon), ("cleanup", Noon)], CancellationToken.None);
        await store.SetLastOccurrencesAsync([("report", Noon.AddHours(1))], CancellationToken.None);

        var reopened = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);

        Assert.Equal(Noon.AddHours(1), await reopened.GetLastOccurrenceAsync("Report", CancellationToken.None));
        Assert.Equal(Noon, await reopened.GetLastOccurrenceAsync("cleanup", CancellationToken.None));
        Assert.Null(await reopened.GetLastOccurrenceAsync("other", CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static RunRecord Row(string runId, string job, DateTimeOffset at) => new()
    {
        RunId = runId,
        JobName = job,
        Trigger = RunTrigger.Manual,
        Status = RunStatus.Running,
        StartedAt = at,
        OutputDirectory = "/runs/" + runId,
        Host = Environment.MachineName,
        ProcessId = Environment.ProcessId,
        RecordedAt = at,
    };

    private static RunResult Ended(string runId, RunStatus status, int exitCode, DateTimeOffset endedAt, string? summary) => new()
    {
        RunId = runId,
        JobName = "report",
        Status = status,
        ExitCode = exitCode,
        StartedAt = Noon,
        EndedAt = endedAt,
        ErrorSummary = summary,
        OutputDirectory = string.Empty,
    };

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
