using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling.Logging;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>Writes the history rows of occurrences that did not run, with the reason, and logs each.</summary>
internal sealed class OccurrenceRecorder
{
    private readonly HistoryStore _history;
    private readonly RunIdGenerator _runIds;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public OccurrenceRecorder(HistoryStore history, RunIdGenerator runIds, TimeProvider time, ILogger log)
    {
        _history = history;
        _runIds = runIds;
        _time = time;
        _log = log;
    }

    public async Task RecordSkippedAsync(string jobName, DateTimeOffset occurrence, RunTrigger trigger, string reason)
    {
        var now = _time.GetUtcNow();
        await _history.RecordAsync(
            new RunRecord
            {
                RunId = _runIds.Next(),
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
