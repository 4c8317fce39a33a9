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
/// remembered per job. Each occurrence is handled once: run, queued or recorded as Skipped with the reason.
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

    private readonly SchedulerOptions _options;
    private readonly HistoryStore _history;
    private readonly OccurrenceRecorder _recorder;
    private readonly RunLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    /// <param name="runIds">The process's run ids, shared with the runner.</param>
    public JobScheduler(SchedulerOptions options, HistoryStore history, IScheduledRunner runner, RunIdGenerator runIds, TimeProvider time, ILogger log)
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
    public async Task RunAsync(CancellationToken stopping)
    {
        _launcher.Begin(stopping);
        var slots = await StartUpAsync();
        try
        {
            await ScheduleAsync(slots, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop: fall through to the graceful part.
        }

        await ShutDownAsync(slots);
    }

    public void Dispose() => _launcher.Dispose();

    private async Task<List<JobSlot>> StartUpAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var orphan in await _history.MarkAbandonedAsync(now, CancellationToken.None))
        {
            _log.RunAbandoned(orphan.RunId, orphan.JobName, orphan.ProcessId);
        }

        foreach (var pruned in await _history.PruneAsync(_options.History.KeepDays, _options.History.KeepRuns, now, CancellationToken.None))
        {
            RunFolders.Delete(_options.History.RunsDirectory, pruned.OutputDirectory);
        }

        var slots = new List<JobSlot>();
        var firstSeen = new List<(string, DateTimeOffset)>();
        foreach (var job in _options.Jobs.Where(job => job.Enabled && job.Schedule is not null))
        {
            // A job seen for the first time has missed nothing: it starts from now.
            var lastHandled = await _history.GetLastOccurrenceAsync(job.Name, CancellationToken.None);
            if (lastHandled is null)
            {
                firstSeen.Add((job.Name, now));
            }

            slots.Add(new JobSlot(job, lastHandled ?? now));
        }

        await _history.SetLastOccurrencesAsync(firstSeen, CancellationToken.None);

        _log.SchedulerStarted(Environment.ProcessId, slots.Count, _options.MaxConcurrentRuns, _history.DatabasePath);
        return slots;
    }

    private async Task ScheduleAsync(List<JobSlot> slots, CancellationToken stopping)
    {
        var due = new PriorityQueue<JobSlot, DateTimeOffset>();
        foreach (var slot in slots)
        {
            Enqueue(due, slot);
        }

        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            var now = _time.GetUtcNow();
            var dueNow = new List<JobSlot>();
            while (due.TryPeek(out var slot, out var occurrence) && occurrence <= now)
            {
                dueNow.Add(due.Dequeue());
            }

            if (dueNow.Count > 0)
            {
                await HandleDueAsync(dueNow, now);
                dueNow.ForEach(slot => Enqueue(due, slot));
            }

            var wake = now + LongestSleep;
            if (due.TryPeek(out _, out var earliest) && earliest < wake)
            {
                wake = earliest;
            }

            // Whole milliseconds, rounded up: a delay rounded down to zero would spin until the occurrence.
            var delay = TimeSpan.FromMilliseconds(Math.Ceiling((wake - now).TotalMilliseconds));
            var sleep = Task.Delay(delay, _time, stopping);

            // Told once the timer exists, so whoever moves the clock (a test) cannot move it before the timer is set.
            Sleeping?.Invoke(wake);
            await sleep;
        }
    }

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
    private async Task HandleDueAsync(List<JobSlot> slots, DateTimeOffset now)
    {
        var plans = slots.Select(slot => (Slot: slot, Plan: OccurrencePlanner.Plan(slot.Job, slot.LastHandled, now))).ToList();
        foreach (var (slot, plan) in plans)
        {
            slot.LastHandled = plan.LastHandled;
        }

        try
        {
            await _history.SetLastOccurrencesAsync(slots.Select(slot => (slot.Job.Name, slot.LastHandled)), CancellationToken.None);
        }
#pragma warning disable CA1031 // A history write that failed must not stop the jobs from running; the next write catches up.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _log.HandlingFailed(exception, string.Join(", ", slots.Select(slot => slot.Job.Name)), exception.Message);
        }

        foreach (var (slot, plan) in plans)
        {
            await CarryOutAsync(slot, plan);
        }
    }

    private async Task CarryOutAsync(JobSlot slot, DuePlan plan)
    {
        var job = slot.Job;
        try
        {
            if (plan.Unrun is { } unrun)
            {
                await _recorder.RecordSkippedAsync(job.Name, unrun.ScheduledAt, RunTrigger.Schedule, unrun.Reason);
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

        _log.SchedulerStopped();
    }
}
