using System.Globalization;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling.Logging;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Runs every enabled, scheduled job on its cron schedule in its time zone, until stopped.
/// <para>
/// It sleeps until the earliest due occurrence (never polling) and, on waking, works out from the clock which
/// occurrences are due, rather than trusting that it slept exactly as long as it asked: a machine that slept, or a
/// clock set forward, shows up as missed occurrences (handled by the job's misfire policy), and a clock set back
/// never re-runs an occurrence already handled, because the last handled one is remembered per job. Each
/// occurrence is handled once: run, queued or recorded as Skipped with the reason.
/// </para>
/// <para>
/// Runs go on their own tasks, so a body that throws, hangs or exhausts memory ends as its run's failure, never as
/// the scheduler's. Stopping cancels the runs, waits a bounded grace period for them to record themselves Canceled,
/// and records whatever was still waiting as Skipped.
/// </para>
/// </summary>
public sealed class JobScheduler : IDisposable
{
    /// <summary>The most occurrences of one job that wait behind its running one (concurrency: queue); later ones are skipped.</summary>
    public const int QueueLimit = 10;

    /// <summary>
    /// How late an occurrence may be handled and still count as on time. Later than this it was missed (the
    /// scheduler was down or the machine asleep) and the misfire policy decides.
    /// </summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest single sleep. Timers run on a clock that stops while the machine sleeps, so a sleep of hours could
    /// wake hours late after a resume; waking at least this often bounds that lateness at no measurable cost.
    /// </summary>
    public static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    /// <summary>How long stopping waits for canceled runs: the runner's own grace period for bodies, plus time to record them.</summary>
    public static readonly TimeSpan ShutdownGracePeriod = JobRunner.CancellationGracePeriod + TimeSpan.FromSeconds(2);

    private readonly SchedulerOptions _options;
    private readonly HistoryStore _history;
    private readonly IScheduledRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _runSlots;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private bool _isStopping;
    private int _inFlight;

    public JobScheduler(SchedulerOptions options, HistoryStore history, IScheduledRunner runner, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _history = history;
        _runner = runner;
        _time = time;
        _log = log;
        _runSlots = new SemaphoreSlim(options.MaxConcurrentRuns, options.MaxConcurrentRuns);
    }

    /// <summary>
    /// True from the moment a stop is asked for (not only once the loop has noticed), so a run canceled by the stop
    /// never hands over to a queued one.
    /// </summary>
    private bool StopRequested => _isStopping || _stopping.IsCancellationRequested;

    /// <summary>Runs started (or waiting for a run slot) and not yet ended.</summary>
    internal int RunsInFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Raised just before the scheduler sleeps, with the time it will wake (tests drive a fake clock by it).</summary>
    internal event Action<DateTimeOffset>? Sleeping;

    /// <summary>Schedules until <paramref name="stopping"/> is canceled, then stops gracefully and returns.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        _stopping = stopping;
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

    public void Dispose() => _runSlots.Dispose();

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
        if (slot.NextOccurrence() is { } next)
        {
            _log.JobScheduled(slot.Job.Name, OccurrenceFormat.InZone(next, slot.Job.TimeZone), slot.Job.TimeZone.Id);
            due.Enqueue(slot, next);
        }
    }

    /// <summary>
    /// Handles every occurrence of each due job since its last handled one. Those more than
    /// <see cref="MisfireThreshold"/> old were missed and go to the misfire policy; the rest fire in order. The jobs'
    /// new last-handled occurrences are written in one transaction before anything starts: after a crash in between,
    /// an occurrence is lost rather than run twice, and a second with many jobs due costs one write, not one each.
    /// </summary>
    private async Task HandleDueAsync(List<JobSlot> slots, DateTimeOffset now)
    {
        var plans = slots.Select(slot => Plan(slot, now)).ToList();
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

        foreach (var plan in plans)
        {
            await CarryOutAsync(plan);
        }
    }

    /// <summary>Works out what is due for one job and moves its last handled occurrence past it.</summary>
    private static DuePlan Plan(JobSlot slot, DateTimeOffset now)
    {
        var job = slot.Job;
        var lateCutoff = now - MisfireThreshold;
        var missed = MissedOccurrences.Between(slot.Schedule, job.TimeZone, slot.LastHandled, lateCutoff);
        var onTimeFrom = slot.LastHandled > lateCutoff ? slot.LastHandled : lateCutoff;
        List<DateTimeOffset> onTime = onTimeFrom < now
            ? [.. slot.Schedule.Cron.GetOccurrences(onTimeFrom, now, job.TimeZone, fromInclusive: false, toInclusive: true)]
            : [];
        slot.LastHandled = onTime.Count > 0 ? onTime[^1] : missed.Latest ?? slot.LastHandled;
        return new DuePlan(slot, missed, onTime);
    }

    private async Task CarryOutAsync(DuePlan plan)
    {
        var (slot, missed, onTime) = plan;
        var job = slot.Job;
        try
        {
            if (missed.Latest is { } latestMissed)
            {
                var count = missed.CountIsLowerBound
                    ? string.Create(CultureInfo.InvariantCulture, $"more than {missed.Count}")
                    : missed.Count.ToString(CultureInfo.InvariantCulture);
                if (job.Misfire == MisfirePolicy.Skip)
                {
                    await RecordSkippedAsync(
                        job.Name,
                        latestMissed,
                        RunTrigger.Schedule,
                        $"{count} occurrence(s) up to this one were missed while the scheduler was not running or the machine slept (misfire: skip)");
                }
                else if (onTime.Count == 0)
                {
                    _log.CatchingUp(job.Name, count, OccurrenceFormat.InZone(latestMissed, job.TimeZone));
                    await FireAsync(slot, latestMissed, RunTrigger.CatchUp);
                }
            }

            foreach (var occurrence in onTime)
            {
                await FireAsync(slot, occurrence, RunTrigger.Schedule);
            }
        }
#pragma warning disable CA1031 // One job's trouble (a history write that failed) must not stop the others from being scheduled.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _log.HandlingFailed(exception, job.Name, exception.Message);
        }
    }

    /// <summary>Starts, queues or skips one occurrence, as the job's concurrency policy and lock say.</summary>
    private async Task FireAsync(JobSlot slot, DateTimeOffset occurrence, RunTrigger trigger)
    {
        var job = slot.Job;
        var runId = HistoryRunIds.Create(_time.GetUtcNow());
        string? skipReason = null;
        var start = false;
        lock (_gate)
        {
            if (StopRequested)
            {
                skipReason = "the scheduler was stopping";
            }
            else if (slot.Active > 0 && job.Concurrency == ConcurrencyPolicy.Skip)
            {
                skipReason = $"run {slot.LatestRunId} of this job was still running (concurrency: skip)";
            }
            else if (slot.Active > 0 && job.Concurrency == ConcurrencyPolicy.Queue)
            {
                if (slot.Queued.Count < QueueLimit)
                {
                    slot.Queued.Enqueue(new PendingOccurrence(occurrence, trigger));
                }
                else
                {
                    skipReason = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{QueueLimit} occurrences were already queued behind run {slot.LatestRunId} (concurrency: queue)");
                }
            }
            else
            {
                skipReason = TakeLock(slot, runId);
                start = skipReason is null;
                if (start)
                {
                    slot.Active++;
                    slot.LatestRunId = runId;
                    _inFlight++;
                }
            }
        }

        if (skipReason is not null)
        {
            await RecordSkippedAsync(job.Name, occurrence, trigger, skipReason);
        }
        else if (start)
        {
            Launch(slot, new ScheduledRun(job, runId, trigger, occurrence));
        }
    }

    /// <summary>Takes the job's machine-wide lock unless this process holds it already; the refusal reason otherwise.</summary>
    private string? TakeLock(JobSlot slot, string runId)
    {
        if (slot.Lock is not null)
        {
            return null;
        }

        var name = slot.Job.Name;
        slot.Lock = JobLock.TryAcquire(_options.LocksDirectory, name, JobLockHolder.ThisProcess(runId, _time.GetUtcNow()), out var holder);
        return slot.Lock is not null
            ? null
            : holder?.DescribeFor(name) ?? $"job '{name}' is already running in another process (its lock is held)";
    }

    /// <summary>
    /// Starts the run on its own task. A free run slot is taken here, at the moment the occurrence fires, so a run
    /// that fired is committed to even if a stop follows at once; only without a free slot does the task wait.
    /// </summary>
    private void Launch(JobSlot slot, ScheduledRun run)
    {
        var holdsRunSlot = _runSlots.Wait(0);
        _ = Task.Run(() => RunTrackedAsync(slot, run, holdsRunSlot), CancellationToken.None);
    }

    private async Task RunTrackedAsync(JobSlot slot, ScheduledRun run, bool holdsRunSlot)
    {
        try
        {
            if (!holdsRunSlot)
            {
                await _runSlots.WaitAsync(_stopping);
                holdsRunSlot = true;
            }

            await _runner.RunAsync(run, slot.Lock!, _stopping);
        }
        catch (OperationCanceledException) when (!holdsRunSlot)
        {
            await RecordSkippedAsync(run.Job.Name, run.ScheduledAt, run.Trigger, "the scheduler stopped before a run slot was free");
        }
#pragma warning disable CA1031 // The runner records failures itself; anything that still escapes is logged, never allowed to end the scheduler.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _log.HandlingFailed(exception, run.Job.Name, exception.Message);
        }
        finally
        {
            if (holdsRunSlot)
            {
                _runSlots.Release();
            }

            Complete(slot);
        }
    }

    /// <summary>A run of <paramref name="slot"/>'s job ended: start the next queued occurrence, or release the lock.</summary>
    private void Complete(JobSlot slot)
    {
        ScheduledRun? next = null;
        lock (_gate)
        {
            slot.Active--;
            _inFlight--;
            if (!StopRequested && slot.Queued.TryDequeue(out var pending))
            {
                var runId = HistoryRunIds.Create(_time.GetUtcNow());
                next = new ScheduledRun(slot.Job, runId, pending.Trigger, pending.ScheduledAt);
                slot.Active++;
                slot.LatestRunId = runId;
                _inFlight++;

                // The lock passes from the ended run to the queued one without ever being free in between.
                slot.Lock!.SetHolder(JobLockHolder.ThisProcess(runId, _time.GetUtcNow()));
            }
            else if (slot.Active == 0)
            {
                slot.Lock?.Dispose();
                slot.Lock = null;
            }

            if (_isStopping && _inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        if (next is not null)
        {
            Launch(slot, next);
        }
    }

    private async Task ShutDownAsync(List<JobSlot> slots)
    {
        var dropped = new List<(string Job, PendingOccurrence Occurrence)>();
        int running;
        lock (_gate)
        {
            _isStopping = true;
            foreach (var slot in slots)
            {
                dropped.AddRange(slot.Queued.Select(pending => (slot.Job.Name, pending)));
                slot.Queued.Clear();
            }

            running = _inFlight;
            if (_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        _log.Stopping(running, JobRunner.FormatDuration(ShutdownGracePeriod));
        foreach (var (job, pending) in dropped)
        {
            await RecordSkippedAsync(job, pending.ScheduledAt, pending.Trigger, "the scheduler stopped before it could start");
        }

        try
        {
            await _drained.Task.WaitAsync(ShutdownGracePeriod, _time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                running = _inFlight;
            }

            _log.RunsOutlivedGrace(running);
        }

        _log.SchedulerStopped();
    }

    private async Task RecordSkippedAsync(string jobName, DateTimeOffset occurrence, RunTrigger trigger, string reason)
    {
        var now = _time.GetUtcNow();
        await _history.RecordAsync(
            new RunRecord
            {
                RunId = HistoryRunIds.Create(now),
                JobName = jobName,
                Trigger = trigger,
                Status = RunStatus.Skipped,
                ScheduledAt = occurrence,
                ErrorSummary = reason,
                Host = Environment.MachineName,
                ProcessId = Environment.ProcessId,
                RecordedAt = now,
            },
            CancellationToken.None);
        _log.OccurrenceSkipped(OccurrenceFormat.Utc(occurrence), jobName, reason);
    }
}
