using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling.Logging;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Writes the history rows of occurrences that did not run (Skipped, Missed), with the reason, and logs each. A row
/// the store cannot take now is kept by the <see cref="HistoryWriter"/> and written when it can.
/// </summary>
internal sealed class OccurrenceRecorder
{
    private readonly HistoryWriter _history;
    private readonly RunIdGenerator _runIds;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public OccurrenceRecorder(HistoryWriter history, RunIdGenerator runIds, TimeProvider time, ILogger log)
    {
        _history = history;
        _runIds = runIds;
        _time = time;
        _log = log;
    }

    /// <summary>An occurrence that gave way: to a run still going, a held lock, a stopping scheduler.</summary>
    public async Task RecordSkippedAsync(string jobName, DateTimeOffset occurrence, RunTrigger trigger, string reason)
    {
        await RecordAsync(RunStatus.Skipped, jobName, occurrence, trigger, reason);
        _log.OccurrenceSkipped(OccurrenceFormat.Utc(occurrence), jobName, reason);
    }

    /// <summary>Occurrences that passed unrun (see <see cref="RunStatus.Missed"/>): one row, at <paramref name="occurrence"/>.</summary>
    public async Task RecordMissedAsync(string jobName, DateTimeOffset occurrence, RunTrigger trigger, string reason)
    {
        await RecordAsync(RunStatus.Missed, jobName, occurrence, trigger, reason);
        _log.OccurrenceMissed(OccurrenceFormat.Utc(occurrence), jobName, reason);
    }

    private async Task RecordAsync(RunStatus status, string jobName, DateTimeOffset occurrence, RunTrigger trigger, string reason)
    {
        var row = new RunRecord
        {
            RunId = _runIds.Next(),
            JobName = jobName,
            Trigger = trigger,
            Status = status,
            ScheduledAt = occurrence,
            ErrorSummary = reason,
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            ProcessStartedAt = ProcessLiveness.ThisProcessStartedAt,
            RecordedAt = _time.GetUtcNow(),
        };
        await _history.WriteAsync(
            $"the {status} occurrence {OccurrenceFormat.Utc(occurrence)} of job '{jobName}'",
            store => store.RecordAsync(row, CancellationToken.None));
    }
}
