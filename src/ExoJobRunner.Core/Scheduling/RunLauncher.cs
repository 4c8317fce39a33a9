using System.Globalization;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling.Logging;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Starts, queues or skips each occurrence the scheduler fires, as the job's concurrency policy, the process-wide run
/// limit and the job's machine-wide lock say, and follows every run to its end.
/// <para>
/// Its gate guards only memory: what a decision needs is reserved under it, and the slow work (opening, rewriting and
/// closing lock files, history rows) happens outside, so a run ending or a lock file on a slow disk never holds up the
/// others. A reservation whose lock cannot be taken is rolled back as if it had never been made.
/// </para>
/// </summary>
internal sealed class RunLauncher : IDisposable
{
    private readonly string _locksDirectory;
    private readonly IScheduledRunner _runner;
    private readonly OccurrenceRecorder _recorder;
    private readonly RunIdGenerator _runIds;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _runSlots;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private bool _isStopping;
    private int _inFlight;

    public RunLauncher(
        int maxConcurrentRuns,
        string locksDirectory,
        IScheduledRunner runner,
        OccurrenceRecorder recorder,
        RunIdGenerator runIds,
        TimeProvider time,
        ILogger log)
    {
        _locksDirectory = locksDirectory;
        _runner = runner;
        _recorder = recorder;
        _runIds = runIds;
        _time = time;
        _log = log;
        _runSlots = new SemaphoreSlim(maxConcurrentRuns, maxConcurrentRuns);
    }

    /// <summary>Runs reserved, started or waiting for a run slot, and not yet ended with their lock closed.</summary>
    public int RunsInFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>
    /// True from the moment a stop is asked for (not only once the loop has noticed), so a run canceled by the stop
    /// never hands over to a queued one.
    /// </summary>
    private bool StopRequested => _isStopping || _stopping.IsCancellationRequested;

    /// <summary>Runs are canceled with <paramref name="stopping"/>, and nothing new starts once it is.</summary>
    public void Begin(CancellationToken stopping) => _stopping = stopping;

    /// <summary>Starts, queues or skips one occurrence.</summary>
    public async Task FireAsync(JobSlot slot, DueOccurrence occurrence)
    {
        var job = slot.Job;
        var runId = _runIds.Next();
        string? skipReason = null;
        var reserved = false;
        JobLock? heldLock = null;
        var lockReleased = Task.CompletedTask;
        string? previousRunId = null;
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
                if (slot.Queued.Count < JobScheduler.QueueLimit)
                {
                    slot.Queued.Enqueue(occurrence);
                }
                else
                {
                    skipReason = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{JobScheduler.QueueLimit} occurrences were already queued behind run {slot.LatestRunId} (concurrency: queue)");
                }
            }
            else
            {
                // Reserved now, so that a run of this job ending meanwhile keeps the lock for this one.
                previousRunId = slot.LatestRunId;
                Reserve(slot, runId);
                reserved = true;
                heldLock = slot.Lock;
                lockReleased = slot.LockReleased;
            }
        }

        if (reserved && heldLock is null)
        {
            (heldLock, skipReason) = await TakeLockAsync(slot, runId, lockReleased);
            if (heldLock is null)
            {
                RollBack(slot, previousRunId);
            }
        }

        if (skipReason is not null)
        {
            await _recorder.RecordSkippedAsync(job.Name, occurrence.ScheduledAt, occurrence.Trigger, skipReason);
        }
        else if (reserved)
        {
            Launch(slot, new ScheduledRun(job, runId, occurrence.Trigger, occurrence.ScheduledAt), heldLock!);
        }
    }

    /// <summary>Stops starting runs; returns the queued occurrences that will now never start.</summary>
    public List<(string Job, DueOccurrence Occurrence)> StopStarting(IEnumerable<JobSlot> slots, out int running)
    {
        var dropped = new List<(string Job, DueOccurrence Occurrence)>();
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

        return dropped;
    }

    /// <summary>Waits at most <paramref name="grace"/> for the runs still going; returns how many outlived it.</summary>
    public async Task<int> WaitForRunsAsync(TimeSpan grace)
    {
        try
        {
            await _drained.Task.WaitAsync(grace, _time, CancellationToken.None);
            return 0;
        }
        catch (TimeoutException)
        {
            return RunsInFlight;
        }
    }

    public void Dispose() => _runSlots.Dispose();

    private void Reserve(JobSlot slot, string runId)
    {
        slot.Active++;
        slot.LatestRunId = runId;
        _inFlight++;
    }

    private void RollBack(JobSlot slot, string? previousRunId)
    {
        lock (_gate)
        {
            slot.Active--;
            slot.LatestRunId = previousRunId;
            EndInFlight();
        }
    }

    /// <summary>One run fewer in flight; the last one lets a stopping scheduler go. Called under the gate.</summary>
    private void EndInFlight()
    {
        _inFlight--;
        if (_isStopping && _inFlight == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>
    /// Opens the job's lock file, after the lock this process last held on it has been closed. Only the scheduler's
    /// loop takes locks, one occurrence after another, so no two reservations of a job ever race for its file.
    /// </summary>
    private async Task<(JobLock? Lock, string? Refusal)> TakeLockAsync(JobSlot slot, string runId, Task lockReleased)
    {
        await lockReleased;
        var name = slot.Job.Name;
        JobLock? acquired;
        JobLockHolder? holder;
        try
        {
            acquired = JobLock.TryAcquire(_locksDirectory, name, JobLockHolder.ThisProcess(runId, _time.GetUtcNow()), out holder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"its lock file in {_locksDirectory} could not be opened: {exception.Message}");
        }

        if (acquired is null)
        {
            return (null, holder?.DescribeFor(name) ?? $"job '{name}' is already running in another process (its lock is held)");
        }

        lock (_gate)
        {
            slot.Lock = acquired;
        }

        return (acquired, null);
    }

    /// <summary>
    /// Starts the run on its own task. A free run slot is taken here, at the moment the occurrence fires, so a run
    /// that fired is committed to even if a stop follows at once; only without a free slot does the task wait.
    /// </summary>
    private void Launch(JobSlot slot, ScheduledRun run, JobLock heldLock)
    {
        var holdsRunSlot = _runSlots.Wait(0);
        _ = Task.Run(() => RunTrackedAsync(slot, run, heldLock, holdsRunSlot), CancellationToken.None);
    }

    private async Task RunTrackedAsync(JobSlot slot, ScheduledRun run, JobLock heldLock, bool holdsRunSlot)
    {
        try
        {
            if (!holdsRunSlot)
            {
                await _runSlots.WaitAsync(_stopping);
                holdsRunSlot = true;
            }

            await _runner.RunAsync(run, heldLock, _stopping);
        }
        catch (OperationCanceledException) when (!holdsRunSlot)
        {
            await _recorder.RecordSkippedAsync(run.Job.Name, run.ScheduledAt, run.Trigger, "the scheduler stopped before a run slot was free");
        }
        catch (HistoryDatabaseException problem)
        {
            // The run did not start (its first row could not be written); the scheduler pauses until the store is back.
            await _recorder.RecordMissedAsync(run.Job.Name, run.ScheduledAt, run.Trigger, $"the history store could not record its start, so it did not run ({problem.Message})");
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

    /// <summary>A run of <paramref name="slot"/>'s job ended: hand its lock to the next queued occurrence, or close it.</summary>
    private void Complete(JobSlot slot)
    {
        ScheduledRun? next = null;
        JobLock? handedOver = null;
        JobLock? closing = null;
        TaskCompletionSource? closed = null;
        lock (_gate)
        {
            slot.Active--;
            if (!StopRequested && slot.Queued.TryDequeue(out var pending))
            {
                var runId = _runIds.Next();
                next = new ScheduledRun(slot.Job, runId, pending.Trigger, pending.ScheduledAt);
                Reserve(slot, runId);
                handedOver = slot.Lock;
            }
            else if (slot.Active == 0 && slot.Lock is not null)
            {
                closing = slot.Lock;
                slot.Lock = null;
                closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                slot.LockReleased = closed.Task;
            }
        }

        try
        {
            if (next is not null)
            {
                // The lock passes from the ended run to the queued one without ever being free in between.
                handedOver!.SetHolder(JobLockHolder.ThisProcess(next.RunId, _time.GetUtcNow()));
                Launch(slot, next, handedOver);
            }

            closing?.Dispose();
        }
        finally
        {
            closed?.SetResult();
            lock (_gate)
            {
                EndInFlight();
            }
        }
    }
}
