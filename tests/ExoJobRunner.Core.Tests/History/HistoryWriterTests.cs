using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.Tests.History;

/// <summary>Rows the store cannot take now are kept, in order, and written once it can: a run never goes without its row.</summary>
public sealed class HistoryWriterTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-history-writer-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Write_KeepsWhatTheStoreRefuses_AndCatchUpWritesIt_OnceTheStoreIsBack()
    {
        var store = await HistoryStore.OpenAsync(Path.Combine(_folder, "history.db"), CancellationToken.None);
        await store.RecordAsync(Row("run-1"), CancellationToken.None);
        var writer = new HistoryWriter(store);
        var ended = new RunResult
        {
            RunId = "run-1",
            JobName = "report",
            Status = RunStatus.Succeeded,
            ExitCode = 0,
            StartedAt = Noon,
            EndedAt = Noon.AddSeconds(5),
            OutputDirectory = string.Empty,
        };

        MakeUnavailable();
        var writtenAtOnce = await writer.WriteAsync("the end of run-1", history => history.RecordEndAsync(ended, CancellationToken.None));
        var keptWhileOut = await writer.WriteAsync("run-2", history => history.RecordAsync(Row("run-2"), CancellationToken.None));
        var stillOut = await writer.TryCatchUpAsync(_ => Task.CompletedTask);
        Restore();
        var caughtUp = await writer.TryCatchUpAsync(_ => Task.CompletedTask);

        Assert.Equal((false, false, false, true), (writtenAtOnce, keptWhileOut, stillOut, caughtUp));
        Assert.Null(writer.Outage);
        Assert.Empty(writer.Deferred);
        var rows = (await store.ListAsync(null, 10, CancellationToken.None)).ToDictionary(row => row.RunId, row => row.Status);
        Assert.Equal(RunStatus.Succeeded, rows["run-1"]);
        Assert.Equal(RunStatus.Running, rows["run-2"]);
    }

    [Fact]
    public async Task Write_NamesWhatItKeeps_WhileTheStoreIsOut()
    {
        var store = await HistoryStore.OpenAsync(Path.Combine(_folder, "history.db"), CancellationToken.None);
        var writer = new HistoryWriter(store);

        MakeUnavailable();
        await writer.WriteAsync("the end of run-1 (Succeeded)", history => history.RecordAsync(Row("run-1"), CancellationToken.None));
        Restore();

        Assert.Equal(["the end of run-1 (Succeeded)"], writer.Deferred);
        Assert.Equal(HistoryProblem.Unavailable, writer.Outage!.Problem);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static RunRecord Row(string runId) => new()
    {
        RunId = runId,
        JobName = "report",
        Trigger = RunTrigger.Manual,
        Status = RunStatus.Running,
        StartedAt = Noon,
        Host = Environment.MachineName,
        ProcessId = Environment.ProcessId,
        RecordedAt = Noon,
    };

    /// <summary>The history folder goes away (an unmounted disk): the open connections go with it.</summary>
    private void MakeUnavailable()
    {
        Directory.Move(_folder, _folder + ".away");
        SqliteConnection.ClearAllPools();
    }

    private void Restore() => Directory.Move(_folder + ".away", _folder);
}
