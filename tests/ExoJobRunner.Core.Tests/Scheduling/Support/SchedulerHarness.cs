using System.Threading.Channels;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ExoJobRunner.Core.Tests.Scheduling.Support;

/// <summary>
/// A real <see cref="JobScheduler"/> over a real history database in a temporary folder, on a fake clock. The test
/// moves the clock only to where the scheduler says it will wake, so each step is one real wake-up of the scheduler,
/// and the scheduler can be stopped and started again on the same history (a restart after downtime).
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private Channel<DateTimeOffset> _sleeps = Channel.CreateUnbounded<DateTimeOffset>();
    private DateTimeOffset? _pendingWake;
    private JobScheduler? _scheduler;
    private CancellationTokenSource? _stop;
    private Task? _running;

    private SchedulerHarness(string folder, HistoryStore history, FakeTimeProvider clock, RecordingRunner runner, ILogger log)
    {
        Folder = folder;
        History = history;
        Clock = clock;
        Runner = runner;
        Log = log;
    }

    public string Folder { get; }

    public HistoryStore History { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingRunner Runner { get; }

    /// <summary>The scheduler's own log.</summary>
    public ILogger Log { get; }

    public string LocksDirectory => Path.Combine(Folder, "locks");

    public static async Task<SchedulerHarness> CreateAsync(DateTimeOffset start, RecordingRunner? runner = null, ILogger? log = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "exojobs-scheduler-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var history = await HistoryStore.OpenAsync(Path.Combine(folder, "history.db"), CancellationToken.None);
        return new SchedulerHarness(folder, history, new FakeTimeProvider(start), runner ?? new RecordingRunner(), log ?? NullLogger.Instance);
    }

    public void Start(int maxConcurrentRuns, params JobDefinition[] jobs)
    {
        _sleeps = Channel.CreateUnbounded<DateTimeOffset>();
        _pendingWake = null;
        _stop = new CancellationTokenSource();
        var options = new SchedulerOptions
        {
            Jobs = jobs,
            MaxConcurrentRuns = maxConcurrentRuns,
            History = new HistorySettings { DatabasePath = History.DatabasePath, RunsDirectory = Path.Combine(Folder, "runs") },
            LocksDirectory = LocksDirectory,
        };
        _scheduler = new JobScheduler(options, new HistoryWriter(History), Runner, new RunIdGenerator(Clock), Clock, Log);
        _scheduler.Sleeping += wake => _sleeps.Writer.TryWrite(wake);
        _running = _scheduler.RunAsync(_stop.Token);
    }

    public void Start(params JobDefinition[] jobs) => Start(JobDefaults.DefaultMaxConcurrentRuns, jobs);

    /// <summary>Moves the clock forward wake-up by wake-up until <paramref name="end"/>, letting the scheduler act at each.</summary>
    public async Task AdvanceToAsync(DateTimeOffset end)
    {
        while (true)
        {
            await SettleAsync();
            var wake = _pendingWake!.Value;
            _pendingWake = null;
            if (wake > end)
            {
                _pendingWake = wake;
                Clock.SetUtcNow(end);
                return;
            }

            Clock.SetUtcNow(wake);
        }
    }

    /// <summary>
    /// Sets the wall clock to <paramref name="to"/> without firing timers, as a resume from sleep or a manual clock
    /// change does. Timers keep their remaining duration, so the scheduler's pending wake-up moves by the jump.
    /// </summary>
    public async Task JumpClockAsync(DateTimeOffset to)
    {
        await SettleAsync();
        var jump = to - Clock.GetUtcNow();
        Clock.AdjustTime(to);
        _pendingWake += jump;
    }

    /// <summary>
    /// Waits until the scheduler is asleep again (it has handled everything due at the current time) and, unless the
    /// runner holds runs on purpose, until the runs it started have ended: fake time stands still meanwhile, so a
    /// run takes no time on the scheduler's clock, as the policies under test assume.
    /// </summary>
    public async Task SettleAsync()
    {
        _pendingWake ??= await NextSleepAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Runner.HoldRuns && _scheduler!.RunsInFlight > 0)
        {
            await Task.Delay(1, limit.Token);
        }
    }

    /// <summary>Waits until every run the scheduler started has ended and been handed back to it.</summary>
    public async Task WaitForRunsToEndAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_scheduler!.RunsInFlight > 0)
        {
            await Task.Delay(1, limit.Token);
        }
    }

    /// <summary>Stops the scheduler as SIGTERM would and waits until it has returned.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(30));
        _scheduler!.Dispose();
        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>The history folder goes away, as an unmounted disk does: no write reaches the store until it is back.</summary>
    public void MakeHistoryUnavailable()
    {
        Directory.Move(Folder, Folder + ".away");
        SqliteConnection.ClearAllPools();
    }

    public void RestoreHistory() => Directory.Move(Folder + ".away", Folder);

    /// <summary>Every history row, oldest first.</summary>
    public Task<IReadOnlyList<RunRecord>> RowsAsync() => History.ListAsync(jobName: null, last: 100_000, CancellationToken.None);

    public async Task<IReadOnlyList<RunRecord>> SkippedAsync() =>
        [.. (await RowsAsync()).Where(row => row.Status == RunStatus.Skipped)];

    public async Task<IReadOnlyList<RunRecord>> MissedAsync() =>
        [.. (await RowsAsync()).Where(row => row.Status == RunStatus.Missed)];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Temporary files; the OS cleans them later.
        }
    }

    private async Task<DateTimeOffset> NextSleepAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await _sleeps.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (_running is { IsFaulted: true })
        {
            throw new InvalidOperationException("the scheduler failed", _running.Exception);
        }
    }
}
