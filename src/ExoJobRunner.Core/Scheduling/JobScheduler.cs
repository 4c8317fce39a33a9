using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling.Logging;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Runs every enabled, scheduled job on its cron schedule in its time zone, until stopped.
/// <para>
/// It sleeps until the earliest due occurrence (never polling) and, on waking, works out from the clock which
/// occurrences are due (<see cref="OccurrencePlanner"/>), rather than trusting that it slept exactly as long as it
/// asked: a machine that slept, or a clock set forward, shows up as missed occurrences (handled by the job's misfire
/// policy), and a clock set back never re-runs an occurrence already handled, because the last handled one is
/// remembered per job. Each occurrence is handled once: run, queued, or recorded Skipped or Missed with the reason.
/// </para>
/// <para>
/// While the history store cannot take writes (a full or read-only disk), no run starts: the scheduler says so once,
/// keeps what it must record, and checks every <see cref="StoreCheckInterval"/>. Once the store is back it writes what
/// it kept and carries on; the occurrences that passed meanwhile go to each job's misfire policy like any others.
/// A damaged store does not come back by itself: the scheduler stops, and its exit code says why.
/// </para>
/// <para>
/// Runs go on their own tasks (<see cref="RunLauncher"/>), so a body that throws, hangs or exhausts memory ends as its
/// run's failure, never as the scheduler's. Stopping cancels the runs, waits a bounded grace period for them to record
/// themselves Canceled, and records whatever was still waiting as Skipped.
/// </para>
/// </summary>
public sealed class JobScheduler : IDisposable
{
    /// <summary>The most occurrences of one job that wait behind its running one (concurrency: queue); later ones are skipped.</summary>
    public const int QueueLimit = 10;

    /// <summary>
    /// The longest single sleep. Timers run on a clock that stops while the machine sleeps, so a sleep of hours could
    /// wake hours late after a resume; waking at least this often bounds that lateness at no measurable cost.
    /// </summary>
    public static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    /// <summary>How long stopping waits for canceled runs: the runner's own grace period for bodies, plus time to record them.</summary>
    public static readonly TimeSpan ShutdownGracePeriod = JobRunner.CancellationGracePeriod + TimeSpan.FromSeconds(2);

    /// <summary>How often an unusable history store is tried again: soon enough that a brief outage costs few occurrences.</summary>
    public static readonly TimeSpan StoreCheckInterval = TimeSpan.FromSeconds(5);

    private readonly SchedulerOptions _options;
    private readonly HistoryWriter _history;
    private readonly OccurrenceRecorder _recorder;
    private readonly RunLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    /// <param name="history">The process's history writer, shared with the runner: an outage either sees is the scheduler's.</param>
    /// <param name="runIds">The process's run ids, shared with the runner.</param>
    public JobScheduler(SchedulerOptions options, HistoryWriter history, IScheduledRunner runner, RunIdGenerator runIds, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _history = history;
        _time = time;
        _log = log;
        _recorder = new OccurrenceRecorder(history, runIds, time, log);
        _launcher = new RunLauncher(options.MaxConcurrentRuns, options.LocksDirectory, runner, _recorder, runIds, time, log);
    }

    /// <summary>Runs started (or waiting for a run slot) and not yet ended.</summary>
    internal int RunsInFlight => _launcher.RunsInFlight;

    /// <summary>Raised just before the scheduler sleeps, with the time it will wake (tests drive a fake clock by it).</summary>
    internal event Action<DateTimeOffset>? Sleeping;

    /// <summary>Schedules until <paramref name="stopping"/> is canceled, then stops gracefully and returns.</summary>
    /// <exception cref="HistoryDatabaseException">
    /// The history store is damaged (or was replaced by a newer exojobs' database): the scheduler stopped gracefully.
    /// </exception>
    public async Task RunAsync(CancellationToken stopping)
    {
        _launcher.Begin(stopping);
        var slots = await StartUpAsync();
        HistoryDatabaseException? fatal = null;
        try
        {
            await ScheduleAsync(slots, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop: fall through to the graceful part.
        }
        catch (HistoryDatabaseException problem)
        {
            _log.HistoryDamaged(problem.Message);
            fatal = problem;
        }

        await ShutDownAsync(slots);
        if (fatal is not null)
        {
            throw fatal;
        }
    }

    public void Dispose() => _launcher.Dispose();

    private async Task<List<JobSlot>> StartUpAsync()
    {
        var now = _time.GetUtcNow();
        var store = _history.Store;
        foreach (var orphan in await store.MarkAbandonedAsync(now, CancellationToken.None))
        {
            _log.RunAbandoned(orphan.RunId, orphan.JobName, orphan.ProcessId);
        }

        foreach (var pruned in await store.PruneAsync(_options.History.KeepDays, _options.History.KeepRuns, now, CancellationToken.None))
        {
            RunFolders.Delete(_options.History.RunsDirectory, pruned.OutputDirectory);
        }

        var slots = new List<JobSlot>();
        var firstSeen = new List<(string, DateTimeOffset)>();
        foreach (var job in _options.Jobs.Where(job => job.Enabled && job.Schedule is not null))
        {
            // A job seen for the first time has missed nothing: it starts from now.
            var lastHandled = await store.GetLastOccurrenceAsync(job.Name, CancellationToken.None);
            if (lastHandled is null)
            {
                firstSeen.Add((job.Name, now));
            }

            slots.Add(new JobSlot(job, lastHandled ?? now));
        }

        await store.SetLastOccurrencesAsync(firstSeen, CancellationToken.None);

        _log.SchedulerStarted(Environment.ProcessId, slots.Count, _options.MaxConcurrentRuns, store.DatabasePath);
        return slots;
    }

    private async Task ScheduleAsync(List<JobSlot> slots, CancellationToken stopping)
    {
        var due = new PriorityQueue<JobSlot, DateTimeOffset>();
        foreach (var slot in slots)
        {
            Enqueue(due, slot);
        }

        // Set from the moment an outage is said until a write of the scheduler's own has gone in: a full disk can take
        // a small write and refuse the next, and the outage is said once, not at every flicker.
        var outageSaid = false;
        var keptAtOutage = 0;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            var now = _time.GetUtcNow();
            if (_history.Outage is { } outage)
            {
                if (!outageSaid)
                {
                    _log.HistoryUnusable(outage.Message, JobRunner.FormatDuration(StoreCheckInterval));
                    outageSaid = true;
                }

                keptAtOutage = Math.Max(keptAtOutage, _history.Deferred.Count);
                if (!await _history.TryCatchUpAsync(store => SaveLastHandledAsync(store, slots)))
                {
                    await SleepAsync(now, now + StoreCheckInterval, stopping);
                    continue;
                }
            }

            var dueNow = new List<JobSlot>();
            while (due.TryPeek(out var slot, out var occurrence) && occurrence <= now)
            {
                dueNow.Add(due.Dequeue());
            }

            var handled = dueNow.Count == 0 || await HandleDueAsync(dueNow, now);
            dueNow.ForEach(slot => Enqueue(due, slot));
            if (outageSaid && handled && _history.Outage is null)
            {
                _log.HistoryUsableAgain(keptAtOutage);
                outageSaid = false;
                keptAtOutage = 0;
            }

            var wake = now + LongestSleep;
            if (due.TryPeek(out _, out var earliest) && earliest < wake)
            {
                wake = earliest;
            }

            // Out again: the next turn of the loop checks the store and waits between checks.
            await SleepAsync(now, _history.Outage is null ? wake : now, stopping);
        }
    }

    private Task SleepAsync(DateTimeOffset now, DateTimeOffset wake, CancellationToken stopping)
    {
        // Whole milliseconds, rounded up: a delay rounded down to zero would spin until the occurrence.
        var delay = TimeSpan.FromMilliseconds(Math.Ceiling((wake - now).TotalMilliseconds));
        var sleep = Task.Delay(delay, _time, stopping);

        // Told once the timer exists, so whoever moves the clock (a test) cannot move it before the timer is set.
        Sleeping?.Invoke(wake);
        return sleep;
    }

    /// <summary>The jobs' last handled occurrences: the write that shows the store takes writes again.</summary>
    private static Task SaveLastHandledAsync(HistoryStore store, List<JobSlot> slots) =>
        store.SetLastOccurrencesAsync(slots.Select(slot => (slot.Job.Name, slot.LastHandled)), CancellationToken.None);

    private void Enqueue(PriorityQueue<JobSlot, DateTimeOffset> due, JobSlot slot)
    {
        if (OccurrencePlanner.NextOccurrence(slot.Job, slot.LastHandled) is { } next)
        {
            _log.JobScheduled(slot.Job.Name, OccurrenceFormat.InZone(next, slot.Job.TimeZone), slot.Job.TimeZone.Id);
            due.Enqueue(slot, next);
        }
    }

    /// <summary>
    /// Handles every occurrence of each due job since its last handled one. The jobs' new last-handled occurrences are
    /// written in one transaction before anything starts: after a crash in between, an occurrence is lost rather than
    /// run twice, and a second with many jobs due costs one write, not one each.
    /// </summary>
    /// <returns>False when the store refused the write: nothing was carried out.</returns>
    private async Task<bool> HandleDueAsync(List<JobSlot> slots, DateTimeOffset now)
    {
        var plans = slots.Select(slot => (Slot: slot, Plan: OccurrencePlanner.Plan(slot.Job, slot.LastHandled, now))).ToList();
        try
        {
            await _history.WriteNowAsync(store => store.SetLastOccurrencesAsync(plans.Select(due => (due.Slot.Job.Name, due.Plan.LastHandled)), CancellationToken.None));
        }
        catch (HistoryDatabaseException problem) when (problem.MayPass)
        {
            // Nothing is carried out and nothing moves on: once the store is back, these occurrences are planned again,
            // as missed ones if the outage lasted past the misfire threshold.
            return false;
        }

        foreach (var (slot, plan) in plans)
        {
            slot.LastHandled = plan.LastHandled;
            await CarryOutAsync(slot, plan);
        }

        return true;
    }

    private async Task CarryOutAsync(JobSlot slot, DuePlan plan)
    {
        var job = slot.Job;
        try
        {
            if (plan.Unrun is { } unrun)
            {
                await _recorder.RecordMissedAsync(job.Name, unrun.ScheduledAt, RunTrigger.Schedule, unrun.Reason);
            }

            foreach (var occurrence in plan.Fire)
            {
                if (occurrence.Trigger == RunTrigger.CatchUp)
                {
                    _log.CatchingUp(job.Name, OccurrencePlanner.CountText(plan.Missed), OccurrenceFormat.InZone(occurrence.ScheduledAt, job.TimeZone));
                }

                await _launcher.FireAsync(slot, occurrence);
            }
        }
#pragma warning disable CA1031 // One job's trouble (a history write that failed) must not stop the others from being scheduled.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _log.HandlingFailed(exception, job.Name, exception.Message);
        }
    }

    private async Task ShutDownAsync(List<JobSlot> slots)
    {
        var dropped = _launcher.StopStarting(slots, out var running);
        _log.Stopping(running, JobRunner.FormatDuration(ShutdownGracePeriod));
        foreach (var (job, pending) in dropped)
        {
            await _recorder.RecordSkippedAsync(job, pending.ScheduledAt, pending.Trigger, "the scheduler stopped before it could start");
        }

        var outlived = await _launcher.WaitForRunsAsync(ShutdownGracePeriod);
        if (outlived > 0)
        {
            _log.RunsOutlivedGrace(outlived);
        }

        await WriteKeptRowsAsync(slots);
        _log.SchedulerStopped();
    }

    /// <summary>A last try at what the store could not take; what still cannot be written is named, so it is not lost unseen.</summary>
    private async Task WriteKeptRowsAsync(List<JobSlot> slots)
    {
        if (_history.Outage is null)
        {
            return;
        }

        try
        {
            if (await _history.TryCatchUpAsync(store => SaveLastHandledAsync(store, slots)))
            {
                return;
            }
        }
        catch (HistoryDatabaseException)
        {
            // Damaged: named below with everything else that could not be written.
        }

        _log.HistoryWritesLost(_history.Outage?.Message ?? "unknown", string.Join("; ", _history.Deferred));
    }
}
