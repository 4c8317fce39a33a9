using System.Globalization;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History.Logging;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Running.Logging;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Exchange.Resilience;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.History;

/// <summary>
/// Runs a job the way both <c>exojobs run</c> and the scheduler do: every attempt recorded in history (a Running row
/// before it starts, its ending after), transient failures retried as the job's <c>retries:</c> says, history pruned
/// afterwards. Once the last attempt has ended, its outcome is sent to the job's <c>notify:</c> targets. The caller
/// holds the job's <see cref="JobLock"/>.
/// <para>
/// A run never goes without its row: an attempt whose Running row the store refuses does not start (the
/// <see cref="HistoryDatabaseException"/> goes to the caller), and an ending the store refuses is kept by the
/// <see cref="HistoryWriter"/> until it takes writes again, and said loudly meanwhile.
/// </para>
/// </summary>
public sealed class RecordedJobRunner
{
    private readonly JobRunner _runner;
    private readonly HistoryWriter _history;
    private readonly HistorySettings _settings;
    private readonly NotificationDispatcher _notifications;
    private readonly ITransientFaultClassifier _transientFaults;
    private readonly RunIdGenerator _runIds;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    /// <param name="notifications">Sends each run's outcome to its job's targets (one per process).</param>
    /// <param name="transientFaults">Tells which failures are worth another attempt: the Exchange layer's table.</param>
    /// <param name="runIds">The process's run ids: each retry is a run of its own.</param>
    /// <param name="log">The host's log: one line per run start and end (the run's own log goes to its folder).</param>
    public RecordedJobRunner(
        JobRunner runner,
        HistoryWriter history,
        HistorySettings settings,
        NotificationDispatcher notifications,
        ITransientFaultClassifier transientFaults,
        RunIdGenerator runIds,
        TimeProvider time,
        ILogger log)
    {
        _runner = runner;
        _history = history;
        _settings = settings;
        _notifications = notifications;
        _transientFaults = transientFaults;
        _runIds = runIds;
        _time = time;
        _log = log;
    }

    /// <summary>Runs <paramref name="request"/> and any retries; returns how the last attempt ended.</summary>
    /// <param name="heldLock">The job's lock, held by the caller; each retry is written down as its holder.</param>
    /// <exception cref="HistoryDatabaseException">The store refused an attempt's Running row: that attempt did not run.</exception>
    public async Task<RunResult> RunAsync(RunRequest request, JobLock? heldLock, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var retries = request.Job.Retries;
        for (var attempt = 1; ; attempt++)
        {
            var runId = attempt == 1 && request.RunId is not null ? request.RunId : _runIds.Next();
            var current = request with
            {
                RunId = runId,
                Attempt = attempt,
                Trigger = attempt == 1 ? request.Trigger : RunTrigger.Retry,
            };
            if (attempt > 1)
            {
                heldLock?.SetHolder(JobLockHolder.ThisProcess(runId, _time.GetUtcNow()));
            }

            var result = await RunAttemptAsync(current, interrupt);
            if (!ShouldRetry(result, attempt, retries, interrupt))
            {
                await NotifyAsync(current, result, interrupt);
                await PruneAsync();
                return result;
            }

            _log.RetryScheduled(result.RunId, result.JobName, attempt, retries.Count, JobRunner.FormatDuration(retries.Delay));
            try
            {
                await Task.Delay(retries.Delay, _time, interrupt);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                await NotifyAsync(current, result, interrupt);
                await PruneAsync();
                return result;
            }
        }
    }

    /// <summary>
    /// Only a failure caused by a transient fault is worth another attempt: a script error, a refused body, a timeout
    /// or an interruption would end the same way again (or was asked for).
    /// </summary>
    private bool ShouldRetry(RunResult result, int attempt, RetryPolicy retries, CancellationToken interrupt) =>
        attempt <= retries.Count
        && !interrupt.IsCancellationRequested
        && result.Status == RunStatus.Failed
        && result.ExitCode != ExitCodes.InvalidBody
        && _transientFaults.IsTransient(result.Error);

    private async Task<RunResult> RunAttemptAsync(RunRequest request, CancellationToken interrupt)
    {
        var runId = request.RunId!;
        var job = request.Job;
        var startedAt = _time.GetUtcNow();
        var outputDirectory = Path.Combine(request.RunsDirectory, job.Name, runId);

        // History is written with CancellationToken.None: an interrupted run must still be recorded as Canceled.
        await RecordStartAsync(
            new RunRecord
            {
                RunId = runId,
                JobName = job.Name,
                Trigger = request.Trigger,
                Status = RunStatus.Running,
                ScheduledAt = request.ScheduledAt,
                StartedAt = startedAt,
                OutputDirectory = outputDirectory,
                Attempt = request.Attempt,
                Host = Environment.MachineName,
                ProcessId = Environment.ProcessId,
                ProcessStartedAt = ProcessLiveness.ThisProcessStartedAt,
                RecordedAt = startedAt,
            });
        var scheduled = request.ScheduledAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $", scheduled {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")
            : string.Empty;
        _log.RunStarted(runId, job.Name, request.Trigger, scheduled, request.Attempt);

        RunResult result;
        try
        {
            result = await _runner.RunAsync(request, interrupt);
        }
#pragma warning disable CA1031 // Whatever stops a run from being carried out is recorded as its failure: the caller (a scheduler) must go on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _log.RunCrashed(exception, runId, job.Name, exception.Message);
            result = new RunResult
            {
                RunId = runId,
                JobName = job.Name,
                Status = interrupt.IsCancellationRequested ? RunStatus.Canceled : RunStatus.Failed,
                ExitCode = interrupt.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.JobFailed,
                StartedAt = startedAt,
                EndedAt = _time.GetUtcNow(),
                ErrorSummary = exception.Message,
                OutputDirectory = outputDirectory,
                Error = exception,
            };
        }

        if (!await _history.WriteAsync($"the end of run {runId} ({result.Status})", store => store.RecordEndAsync(result, CancellationToken.None)))
        {
            _log.RunEndKept(runId, job.Name, result.Status, _history.Outage?.Message ?? "it refused the write");
        }

        var level = result.Status == RunStatus.Succeeded ? LogLevel.Information : LogLevel.Warning;
        var summary = result.ErrorSummary is null ? string.Empty : ": " + result.ErrorSummary;
        _log.RunEnded(level, runId, job.Name, result.Status, JobRunner.FormatDuration(result.Duration), result.ExitCode, summary);
        return result;
    }

    /// <summary>
    /// Sends the run's outcome to the targets for it, before pruning can remove the folder a command target is started
    /// in. What became of each goes to the run's log (the console of <c>exojobs run</c>); failures also to the host's.
    /// </summary>
    private async Task NotifyAsync(RunRequest request, RunResult result, CancellationToken interrupt)
    {
        var targets = request.Job.Notifications.TargetsFor(result.Status);
        if (targets.Count == 0)
        {
            return;
        }

        var payload = NotificationPayload.Of(result, request.Trigger, request.Attempt, Environment.MachineName);
        RunLog? runLog = null;
        try
        {
            runLog = RunLog.Append(Path.Combine(result.OutputDirectory, RunLog.FileName), request.Console, request.ConsoleLevel, _time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The run's folder cannot be written (the reason the run failed, perhaps): the host's log still hears of it.
        }

        IReadOnlyList<NotificationOutcome> outcomes;
        using (runLog)
        {
            outcomes = await _notifications.SendAsync(targets, payload, (ILogger?)runLog ?? _log, interrupt);
        }

        foreach (var failed in outcomes.Where(outcome => !outcome.Delivered))
        {
            _log.NotificationFailed(result.RunId, result.JobName, failed.Target, failed.Problem ?? "not delivered");
        }
    }

    /// <summary>Writes the attempt's Running row; when the store refuses it, the attempt must not start (the writer counts the outage).</summary>
    private Task RecordStartAsync(RunRecord row) =>
        _history.WriteNowAsync(store => store.RecordAsync(row, CancellationToken.None));

    /// <summary>Retention after a run. It can wait: a store that refuses it now is pruned after a later run.</summary>
    private async Task PruneAsync()
    {
        if (_history.Outage is not null)
        {
            return;
        }

        IReadOnlyList<RunRecord> pruned;
        try
        {
            pruned = await _history.Store.PruneAsync(_settings.KeepDays, _settings.KeepRuns, _time.GetUtcNow(), CancellationToken.None);
        }
        catch (HistoryDatabaseException)
        {
            // The store is out or in trouble: the writes that matter (the run's rows) say so; pruning waits for later.
            return;
        }

        foreach (var row in pruned)
        {
            RunFolders.Delete(_settings.RunsDirectory, row.OutputDirectory);
        }

        if (pruned.Count > 0)
        {
            _log.Pruned(pruned.Count);
        }
    }
}
