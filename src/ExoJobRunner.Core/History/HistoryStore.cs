using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.History;

/// <summary>
/// Run history in SQLite: every run (with its trigger, times, status and folder), every skipped occurrence, and the
/// last occurrence the scheduler handled per job. The database runs in WAL mode so <c>exojobs history</c> reads while
/// the scheduler writes, and several processes (the scheduler and an ad hoc <c>exojobs run</c>) write safely.
/// <para>
/// This file opens the store and writes runs; the queries, the settling of abandoned runs, the scheduler's per-job
/// state and retention each have a file of their own. <see cref="HistoryDatabase"/> owns the file and its schema.
/// </para>
/// </summary>
public sealed partial class HistoryStore
{
    private readonly HistoryDatabase _database;

    private HistoryStore(HistoryDatabase database)
    {
        _database = database;
    }

    public string DatabasePath => _database.Path;

    /// <summary>Opens (creating it and its folder when missing) and migrates the history database.</summary>
    /// <exception cref="HistoryDatabaseException">The database was written by a newer exojobs, or is not a SQLite database.</exception>
    public static async Task<HistoryStore> OpenAsync(string databasePath, CancellationToken cancellationToken) =>
        new(await HistoryDatabase.OpenAsync(databasePath, cancellationToken));

    public async Task RecordAsync(RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (run_id, job, trigger, status, scheduled_at, started_at, ended_at, exit_code, error_summary,
                              output_directory, attempt, host, pid, recorded_at)
            VALUES ($runId, $job, $trigger, $status, $scheduledAt, $startedAt, $endedAt, $exitCode, $errorSummary,
                    $outputDirectory, $attempt, $host, $pid, $recordedAt)
            """;
        command.Parameters.AddWithValue("$runId", record.RunId);
        command.Parameters.AddWithValue("$job", record.JobName);
        command.Parameters.AddWithValue("$trigger", record.Trigger.ToString());
        command.Parameters.AddWithValue("$status", record.Status.ToString());
        command.Parameters.AddWithValue("$scheduledAt", RunRows.ToDb(record.ScheduledAt));
        command.Parameters.AddWithValue("$startedAt", RunRows.ToDb(record.StartedAt));
        command.Parameters.AddWithValue("$endedAt", RunRows.ToDb(record.EndedAt));
        command.Parameters.AddWithValue("$exitCode", (object?)record.ExitCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$errorSummary", (object?)record.ErrorSummary ?? DBNull.Value);
        command.Parameters.AddWithValue("$outputDirectory", (object?)record.OutputDirectory ?? DBNull.Value);
        command.Parameters.AddWithValue("$attempt", record.Attempt);
        command.Parameters.AddWithValue("$host", record.Host);
        command.Parameters.AddWithValue("$pid", record.ProcessId);
        command.Parameters.AddWithValue("$recordedAt", RunRows.ToDb(record.RecordedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records how a Running row ended. A row already ended (say, marked Abandoned meanwhile) is left alone.</summary>
    public async Task RecordEndAsync(RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE runs SET status = $status, exit_code = $exitCode, ended_at = $endedAt, error_summary = $errorSummary
            WHERE run_id = $runId AND status = 'Running'
            """;
        command.Parameters.AddWithValue("$runId", result.RunId);
        command.Parameters.AddWithValue("$status", result.Status.ToString());
        command.Parameters.AddWithValue("$exitCode", result.ExitCode);
        command.Parameters.AddWithValue("$endedAt", RunRows.ToDb(result.EndedAt));
        command.Parameters.AddWithValue("$errorSummary", (object?)result.ErrorSummary ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
