using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.History;

/// <summary>
/// Run history in SQLite: every run (with its trigger, times, status and folder), every occurrence that did not run,
/// and the last occurrence the scheduler handled per job. The database runs in WAL mode so <c>exojobs history</c>
/// reads while the scheduler writes, and several processes (the scheduler and an ad hoc <c>exojobs run</c>) write
/// safely. Every method throws <see cref="HistoryDatabaseException"/> when the store cannot be used (full, read-only,
/// damaged); each write is one transaction, so a failed one leaves nothing behind and can be tried again (which
/// <see cref="HistoryWriter"/> does).
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

    /// <summary>
    /// Opens the history database, creating it and its folder when there is no file yet, and migrates it. A file that
    /// is there but is not a sound history database (garbage, zero bytes, written by a newer exojobs) is refused and
    /// left as it is.
    /// </summary>
    /// <exception cref="HistoryDatabaseException">The database is damaged or newer, or its folder is full, read-only or gone.</exception>
    public static async Task<HistoryStore> OpenAsync(string databasePath, CancellationToken cancellationToken) =>
        new(await HistoryDatabase.OpenAsync(databasePath, cancellationToken));

    /// <summary>Reads every page of the database: damage inside it that opening cannot see. Costs time in proportion to its size.</summary>
    /// <exception cref="HistoryDatabaseException">The database is damaged or cannot be read.</exception>
    public Task CheckIntegrityAsync(CancellationToken cancellationToken) => _database.CheckIntegrityAsync(cancellationToken);

    public Task RecordAsync(RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    INSERT INTO runs ({RunRows.Columns})
                    VALUES ($runId, $job, $trigger, $status, $scheduledAt, $startedAt, $endedAt, $exitCode, $errorSummary,
                            $outputDirectory, $attempt, $host, $pid, $recordedAt, $processStartedAt)
                    """;
                RunRows.Bind(command, record);
                return await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
    }

    /// <summary>Records how a Running row ended. A row already ended (say, marked Abandoned meanwhile) is left alone.</summary>
    public Task RecordEndAsync(RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _database.RunAsync(
            async (connection, token) =>
            {
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
                return await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
    }
}
