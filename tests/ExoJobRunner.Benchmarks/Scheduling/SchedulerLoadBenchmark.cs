using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Scripting;
using ExoJobRunner.Scripting.CSharp.Caching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Benchmarks.Scheduling;

/// <summary>
/// The scheduler with 1,000 jobs, wired as <c>exojobs scheduler</c> wires it (configuration loaded from job files,
/// SQLite history, job locks, the C# engine with its compiled-script cache): the CPU it uses while nothing is due,
/// and how late it starts runs when some job is due every second.
/// </summary>
internal static class SchedulerLoadBenchmark
{
    public const int JobCount = 1000;

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];

    /// <summary>Occurrences in the first seconds of the load phase are left out: they include the one compile of the shared body.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    public static async Task<string> RunAsync(int idleSeconds, int loadSeconds)
    {
        // 29 February at 03:00: scheduled, so the scheduler plans for them, but never due during the measurement.
        var idle = await MeasureAsync(index => "0 0 3 29 2 *", TimeSpan.FromSeconds(idleSeconds));

        // Job i runs at second (i mod 60) of every minute: about 17 runs start every second, all day.
        var load = await MeasureAsync(index => string.Create(CultureInfo.InvariantCulture, $"{index % 60} * * * * *"), WarmUp + TimeSpan.FromSeconds(loadSeconds));

        var delays = load.Rows
            .Where(row => row.Status.Value is not (RunStatus.Skipped or RunStatus.Missed) && row.StartedAt is not null && row.ScheduledAt >= load.MeasuredFrom + WarmUp)
            .Select(row => (row.StartedAt!.Value - row.ScheduledAt!.Value).TotalMilliseconds)
            .Order()
            .ToList();
        var skipped = load.Rows.Count(row => row.Status == RunStatus.Skipped);
        var failed = load.Rows.Count(row => row.Status.Value is not (RunStatus.Succeeded or RunStatus.Skipped or RunStatus.Missed or RunStatus.Running));

        return new StringBuilder()
            .AppendLine("| Measure | 1,000 scheduled jobs |")
            .AppendLine("|---|---|")
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| Idle CPU (nothing due, {idleSeconds} s) | {idle.CpuPercent:F2} % of one core ({idle.CpuTime.TotalMilliseconds:F0} ms CPU) |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| CPU while firing ~17 runs/s ({loadSeconds} s) | {load.CpuPercent:F1} % of one core |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| Runs measured | {delays.Count:N0} ({skipped} skipped, {failed} not succeeded) |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| Firing delay p50 | {Percentile(delays, 0.50):F1} ms |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| Firing delay p99 | {Percentile(delays, 0.99):F1} ms |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| Firing delay max | {(delays.Count == 0 ? 0 : delays[^1]):F1} ms |"))
            .ToString();
    }

    private static async Task<Measurement> MeasureAsync(Func<int, string> schedule, TimeSpan duration)
    {
        var folder = Path.Combine(Path.GetTempPath(), "exojobs-scheduler-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var configuration = WriteConfiguration(folder, schedule);
            var history = await HistoryStore.OpenAsync(configuration.History.DatabasePath, CancellationToken.None);
            await using var engines = new BodyEngines(new CompiledScriptCache(Path.Combine(folder, "cache")));
            var time = TimeProvider.System;
            using var notifications = new NotificationDispatcher(time);
            var runIds = new RunIdGenerator(time);
            var writer = new HistoryWriter(history);
            var runner = new RecordedJobRunner(new JobRunner(engines, sessions: null, time), writer, configuration.History, notifications, ExchangeTransientFaults.Instance, runIds, time, NullLogger.Instance);
            var options = new SchedulerOptions
            {
                Jobs = configuration.Jobs,
                MaxConcurrentRuns = configuration.Defaults.MaxConcurrentRuns,
                History = configuration.History,
                LocksDirectory = JobLock.DirectoryFor(configuration.History.DatabasePath),
            };
            using var scheduler = new JobScheduler(options, writer, new RecordedScheduledRunner(runner, configuration), runIds, time, NullLogger.Instance);
            using var stop = new CancellationTokenSource();
            var running = scheduler.RunAsync(stop.Token);

            // Start-up (1,000 rows of scheduler state, the first plan) is not what is measured.
            await Task.Delay(TimeSpan.FromSeconds(5));
            using var process = Process.GetCurrentProcess();
            var measuredFrom = time.GetUtcNow();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.Delay(duration);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var elapsed = clock.Elapsed;

            await stop.CancelAsync();
            await running;
            var rows = await history.ListAsync(jobName: null, last: int.MaxValue, CancellationToken.None);
            return new Measurement(cpu, cpu / elapsed * 100, measuredFrom, rows);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static RunnerConfiguration WriteConfiguration(string folder, Func<int, string> schedule)
    {
        Directory.CreateDirectory(Path.Combine(folder, "jobs"));
        File.WriteAllText(Path.Combine(folder, "exojobs.yaml"), "defaults:\n  timeout: 1m\n  maxConcurrentRuns: 4\n");

        // One body file for all: the compiled-script cache then compiles it once, as it would for jobs sharing a script.
        File.WriteAllText(Path.Combine(folder, "jobs", "noop.csx"), "Log.LogDebug(\"tick\");\n");
        for (var index = 0; index < JobCount; index++)
        {
            File.WriteAllText(
                Path.Combine(folder, "jobs", string.Create(CultureInfo.InvariantCulture, $"job-{index:0000}.yaml")),
                $"schedule: \"{schedule(index)}\"\ntimeZone: {Zones[index % Zones.Length]}\ncsx: noop.csx\n");
        }

        var loaded = ConfigurationLoader.Load(Path.Combine(folder, "exojobs.yaml"));
        return loaded.Configuration
            ?? throw new InvalidOperationException("benchmark configuration did not load: " + string.Join("; ", loaded.Diagnostics));
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(fraction * sorted.Count) - 1)];

    private sealed record Measurement(TimeSpan CpuTime, double CpuPercent, DateTimeOffset MeasuredFrom, IReadOnlyList<RunRecord> Rows);
}
