using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.Tests.History;

/// <summary>The store on bad days: damaged files refused and kept as they are, a vanished folder, rows from a newer exojobs.</summary>
public sealed class HistoryStoreProblemTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-history-problem-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "history.db");

    [Fact]
    public async Task Open_RefusesAZeroByteFile_AsDamaged_AndNeverTurnsItIntoANewHistory()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(DatabasePath, []);

        var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => HistoryStore.OpenAsync(DatabasePath, CancellationToken.None));

        Assert.Equal(HistoryProblem.Damaged, error.Problem);
        Assert.Contains($"'{DatabasePath}' is empty (0 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(DatabasePath).Length);
    }

    [Fact]
    public async Task Open_RefusesGarbage_AsDamaged_SayingWhatToDo_AndLeavesTheFileAsItWas()
    {
        Directory.CreateDirectory(_folder);
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 31)).ToArray();
        await File.WriteAllBytesAsync(DatabasePath, garbage);

        var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => HistoryStore.OpenAsync(DatabasePath, CancellationToken.None));

        Assert.Equal(HistoryProblem.Damaged, error.Problem);
        Assert.Contains("move it aside", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(DatabasePath));
        Assert.Equal(["history.db"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task CheckIntegrity_FindsADamagedPage_ThatOpeningAndReadingDoNotSee()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        for (var i = 0; i < 300; i++)
        {
            await store.RecordAsync(Row($"run-{i:D4}", Noon.AddMinutes(i)), CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        await OverwriteAsync(offset: 4096 * 3 + 8, count: 64);
        var reopened = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);

        var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => reopened.CheckIntegrityAsync(CancellationToken.None));

        Assert.Equal(HistoryProblem.Damaged, error.Problem);
        Assert.Contains("its integrity check found: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_FailsAsUnavailable_WhenTheFolderIsGone_AndCreatesNoNewEmptyHistory()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        var away = _folder + ".away";
        Directory.Move(_folder, away);
        SqliteConnection.ClearAllPools();
        try
        {
            var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => store.RecordAsync(Row("lost", Noon), CancellationToken.None));

            Assert.Equal(HistoryProblem.Unavailable, error.Problem);
            Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_folder));
        }
        finally
        {
            Directory.Move(away, _folder);
        }
    }

    [Fact]
    public async Task List_ShowsAStatusAndTriggerThisExojobsDoesNotKnow_AsStored()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        await store.RecordAsync(Row("from-a-newer-exojobs", Noon) with { Status = new RecordedName<RunStatus>("PartlyDone"), Trigger = new RecordedName<RunTrigger>("Webhook") }, CancellationToken.None);

        var row = Assert.Single(await store.ListAsync(jobName: null, last: 10, CancellationToken.None));

        Assert.Equal(("PartlyDone", null), (row.Status.Name, row.Status.Value));
        Assert.Equal(("Webhook", null), (row.Trigger.Name, row.Trigger.Value));
    }

    [Theory]
    [InlineData("Succeeded", RunStatus.Succeeded)]
    [InlineData("succeeded", null)]
    [InlineData("1", null)]
    [InlineData("Running, Failed", null)]
    public void RecordedName_KnowsOnlyTheExactNames(string stored, RunStatus? expected)
    {
        Assert.Equal(expected, new RecordedName<RunStatus>(stored).Value);
    }

    [Fact]
    public async Task Open_MigratesADatabaseOfTheFirstSchema_KeepingItsRows()
    {
        Directory.CreateDirectory(_folder);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = HistorySchema.Migrations[0] + """
                PRAGMA user_version = 1;
                INSERT INTO runs (run_id, job, trigger, status, attempt, host, pid, recorded_at)
                VALUES ('old-run', 'report', 'Manual', 'Succeeded', 1, 'h', 42, 0);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);

        Assert.Equal(HistorySchema.LatestVersion, await store.GetSchemaVersionAsync(CancellationToken.None));
        var row = Assert.Single(await store.FindAsync("old-run", CancellationToken.None));
        Assert.Equal((RunStatus.Succeeded, (DateTimeOffset?)null), (row.Status.Value, row.ProcessStartedAt));
    }

    [Fact]
    public async Task MarkAbandoned_SettlesARun_WhosePidNowBelongsToAProcessThatStartedLater()
    {
        var store = await HistoryStore.OpenAsync(DatabasePath, CancellationToken.None);
        using var reused = System.Diagnostics.Process.Start("sleep", "30");
        try
        {
            var startedAt = reused.StartTime.ToUniversalTime();
            await store.RecordAsync(Row("reused-pid", Noon) with { ProcessId = reused.Id, ProcessStartedAt = startedAt.AddHours(-1) }, CancellationToken.None);
            await store.RecordAsync(Row("same-process", Noon) with { ProcessId = reused.Id, ProcessStartedAt = startedAt }, CancellationToken.None);

            var marked = await store.MarkAbandonedAsync(Noon, CancellationToken.None);

            Assert.Equal(["reused-pid"], marked.Select(row => row.RunId));
        }
        finally
        {
            reused.Kill();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static RunRecord Row(string runId, DateTimeOffset at) => new()
    {
        RunId = runId,
        JobName = "report",
        Trigger = RunTrigger.Manual,
        Status = RunStatus.Running,
        StartedAt = at,
        Host = Environment.MachineName,
        ProcessId = Environment.ProcessId,
        RecordedAt = at,
    };

    private async Task OverwriteAsync(long offset, int count)
    {
        await using var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write);
        file.Seek(offset, SeekOrigin.Begin);
        await file.WriteAsync(Enumerable.Repeat((byte)0xFF, count).ToArray());
    }
}
