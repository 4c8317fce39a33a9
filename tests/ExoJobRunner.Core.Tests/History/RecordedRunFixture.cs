using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Scripting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ExoJobRunner.Core.Tests.History;

/// <summary>
/// The real runner and the real C# engine writing into a real history database, on a fake clock that a driver
/// loop moves forward while a run is going, so timeouts and retry delays pass without waiting for them.
/// </summary>
internal sealed class RecordedRunFixture : IAsyncDisposable
{
    private RecordedRunFixture(string folder, HistoryStore history)
    {
        Folder = folder;
        History = history;
        Settings = new HistorySettings { DatabasePath = history.DatabasePath, RunsDirectory = Path.Combine(folder, "runs") };
        Writer = new HistoryWriter(history);
        Runner = new RecordedJobRunner(new JobRunner(new BodyEngines(cache: null), sessions: null, Clock), Writer, Settings, Notifications, ExchangeTransientFaults.Instance, new RunIdGenerator(Clock), Clock, NullLogger.Instance);
    }

    public string Folder { get; }

    public HistoryStore History { get; }

    public HistorySettings Settings { get; }

    /// <summary>The runner's history writer: what it kept while the store was out.</summary>
    public HistoryWriter Writer { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Real notifications on the real clock (the fake one races ahead while a run goes), retried without a pause.</summary>
    public NotificationDispatcher Notifications { get; } = new(TimeProvider.System, TimeSpan.FromSeconds(30), TimeSpan.Zero);

    public RecordedJobRunner Runner { get; }

    public static async Task<RecordedRunFixture> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "exojobs-history-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new RecordedRunFixture(folder, await HistoryStore.OpenAsync(Path.Combine(folder, "history.db"), CancellationToken.None));
    }

    /// <summary>Runs <paramref name="job"/> as <c>exojobs run</c> would, moving the fake clock a second at a time until it ends.</summary>
    public async Task<RunResult> RunAsync(JobDefinition job, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var run = Runner.RunAsync(
            new RunRequest { Job = job, Parameters = parameters ?? job.Parameters, RunsDirectory = Settings.RunsDirectory },
            heldLock: null,
            CancellationToken.None);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(5, limit.Token));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return await run;
    }

    /// <summary>The database file goes away (its connections closed first), as when its disk is unmounted.</summary>
    public void MakeHistoryUnavailable()
    {
        SqliteConnection.ClearAllPools();
        File.Move(History.DatabasePath, History.DatabasePath + ".away");
    }

    public void RestoreHistory() => File.Move(History.DatabasePath + ".away", History.DatabasePath);

    public Task<IReadOnlyList<RunRecord>> RowsAsync() => History.ListAsync(jobName: null, last: 1000, CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        Notifications.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Temporary files; the OS cleans them later.
        }

        return ValueTask.CompletedTask;
    }
}
