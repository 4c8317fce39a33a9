using System.Globalization;
using ExoJobRunner.Core.Running;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>
/// Run history in SQLite: every run (with its trigger, times, status and folder), every skipped occurrence, and the
/// last occurrence the scheduler handled per job. The database runs in WAL mode so <c>exojobs history</c> reads while
/// the scheduler writes, and several processes (the scheduler and an ad hoc <c>exojobs run</c>) write safely.
/// </summary>
public sealed class HistoryStore
{
    private readonly string _connectionString;

    private HistoryStore(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Also how long a writer waits for another process's transaction before giving up.
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Opens (creating it and its folder when missing) and migrates the history database.</summary>
    /// <exception cref="HistoryDatabaseException">The database was written by a newer exojobs, or is not a SQLite database.</exception>
    public static async Task<HistoryStore> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var store = new HistoryStore(Path.GetFullPath(databasePath));
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new HistoryDatabaseException(
                $"the history database '{databasePath}' cannot be used: {exception.Message}; move it aside to start a new history",
                exception);
        }

        return store;
    }

    public async Task RecordAsync(RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await ConnectAsync(cancellationToken);
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
        command.Parameters.AddWithValue("$scheduledAt", ToDb(record.ScheduledAt));
        command.Parameters.AddWithValue("$startedAt", ToDb(record.StartedAt));
        command.Parameters.AddWithValue("$endedAt", ToDb(record.EndedAt));
        command.Parameters.AddWithValue("$exitCode", (object?)record.ExitCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$errorSummary", (object?)record.ErrorSummary ?? DBNull.Value);
        command.Parameters.AddWithValue("$outputDirectory", (object?)record.OutputDirectory ?? DBNull.Value);
        command.Parameters.AddWithValue("$attempt", record.Attempt);
        command.Parameters.AddWithValue("$host", record.Host);
        command.Parameters.AddWithValue("$pid", record.ProcessId);
        command.Parameters.AddWithValue("$recordedAt", ToDb(record.RecordedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records how a Running row ended. A row already ended (say, marked Abandoned meanwhile) is left alone.</summary>
    public async Task RecordEndAsync(RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE runs SET status = $status, exit_code = $exitCode, ended_at = $endedAt, error_summary = $errorSummary
            WHERE run_id = $runId AND status = 'Running'
            """;
        command.Parameters.AddWithValue("$runId", result.RunId);
        command.Parameters.AddWithValue("$status", result.Status.ToString());
        command.Parameters.AddWithValue("$exitCode", result.ExitCode);
        command.Parameters.AddWithValue("$endedAt", ToDb(result.EndedAt));
        command.Parameters.AddWithValue("$errorSummary", (object?)result.ErrorSummary ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The most recent <paramref name="last"/> rows, oldest first (as a log reads), of one job or of all.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(string? jobName, int last, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT * FROM (
                SELECT {Columns} FROM runs
                WHERE $job IS NULL OR job = $job COLLATE NOCASE
                ORDER BY recorded_at DESC, rowid DESC
                LIMIT $last)
            ORDER BY recorded_at, run_id
            """;
        command.Parameters.AddWithValue("$job", (object?)jobName ?? DBNull.Value);
        command.Parameters.AddWithValue("$last", last);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The row with this run id, or the only one whose id starts with it (ids are long to type).</summary>
    public async Task<IReadOnlyList<RunRecord>> FindAsync(string runIdOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIdOrPrefix);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM runs
            WHERE run_id = $id OR (substr(run_id, 1, length($id)) = $id AND NOT EXISTS (SELECT 1 FROM runs WHERE run_id = $id))
            ORDER BY recorded_at
            LIMIT 10
            """;
        command.Parameters.AddWithValue("$id", runIdOrPrefix.Trim());
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Rows still marked Running (by this or any process).</summary>
    public async Task<IReadOnlyList<RunRecord>> ListRunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM runs WHERE status = 'Running' ORDER BY recorded_at";
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Marks Abandoned every Running row of this host whose process is gone: a crash, SIGKILL or power loss ended it
    /// before it could say how the run ended. Rows of live processes (a concurrent <c>exojobs run</c>) are left alone,
    /// and so are rows of other hosts, whose processes cannot be checked from here.
    /// </summary>
    /// <returns>The rows marked, as they were before.</returns>
    public async Task<IReadOnlyList<RunRecord>> MarkAbandonedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orphans = (await ListRunningAsync(cancellationToken))
            .Where(row => string.Equals(row.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            .Where(row => !ProcessLiveness.IsRunning(row.ProcessId, row.StartedAt ?? row.RecordedAt))
            .ToList();
        if (orphans.Count == 0)
        {
            return orphans;
        }

        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var orphan in orphans)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE runs SET status = 'Abandoned', error_summary = $summary
                WHERE run_id = $runId AND status = 'Running'
                """;
            command.Parameters.AddWithValue("$runId", orphan.RunId);
            command.Parameters.AddWithValue(
                "$summary",
                string.Create(CultureInfo.InvariantCulture, $"the process running it (pid {orphan.ProcessId}) ended without recording how the run ended; found at {now:yyyy-MM-ddTHH:mm:ssZ}"));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return orphans;
    }

    /// <summary>The last schedule occurrence the scheduler handled (ran, queued or skipped) for a job; null before the first.</summary>
    public async Task<DateTimeOffset?> GetLastOccurrenceAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_occurrence FROM job_state WHERE job = $job";
        command.Parameters.AddWithValue("$job", jobName);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long milliseconds ? FromDb(milliseconds) : null;
    }

    /// <summary>Remembers the last handled occurrence of several jobs in one transaction (one disk flush for all).</summary>
    public async Task SetLastOccurrencesAsync(IEnumerable<(string JobName, DateTimeOffset Occurrence)> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO job_state (job, last_occurrence) VALUES ($job, $occurrence)
            ON CONFLICT (job) DO UPDATE SET last_occurrence = excluded.last_occurrence
            """;
        var job = command.Parameters.Add("$job", SqliteType.Text);
        var occurrence = command.Parameters.Add("$occurrence", SqliteType.Integer);
        foreach (var (jobName, at) in occurrences)
        {
            job.Value = jobName;
            occurrence.Value = ToDb(at);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes rows older than <paramref name="keepDays"/> days, and per job all but the newest <paramref name="keepRuns"/>
    /// rows. Running rows are never deleted. Returns the deleted rows so their run folders can go too.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> PruneAsync(int? keepDays, int? keepRuns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (keepDays is null && keepRuns is null)
        {
            return [];
        }

        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        const string Doomed = """
            status <> 'Running' AND (
                ($cutoff IS NOT NULL AND recorded_at < $cutoff)
                OR ($keepRuns IS NOT NULL AND run_id IN (
                    SELECT run_id FROM (
                        SELECT run_id, ROW_NUMBER() OVER (PARTITION BY lower(job) ORDER BY recorded_at DESC, rowid DESC) AS age
                        FROM runs)
                    WHERE age > $keepRuns)))
            """;
        object cutoff = keepDays is { } days ? ToDb(now.AddDays(-days)) : DBNull.Value;
        object runs = (object?)keepRuns ?? DBNull.Value;

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT {Columns} FROM runs WHERE {Doomed}";
        select.Parameters.AddWithValue("$cutoff", cutoff);
        select.Parameters.AddWithValue("$keepRuns", runs);
        var deleted = await ReadAsync(select, cancellationToken);

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM runs WHERE {Doomed}";
        delete.Parameters.AddWithValue("$cutoff", cutoff);
        delete.Parameters.AddWithValue("$keepRuns", runs);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>The schema version of the database file (for tests and diagnostics).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        return await ReadUserVersionAsync(connection, cancellationToken);
    }

    private const string Columns =
        "run_id, job, trigger, status, scheduled_at, started_at, ended_at, exit_code, error_summary, output_directory, attempt, host, pid, recorded_at";

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, it stays for every later connection of every process.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        var version = await ReadUserVersionAsync(connection, cancellationToken);
        if (version > HistorySchema.LatestVersion)
        {
            throw new HistoryDatabaseException(string.Create(
                CultureInfo.InvariantCulture,
                $"the history database '{DatabasePath}' has schema version {version}, newer than this exojobs knows ({HistorySchema.LatestVersion}); upgrade exojobs, or point history: path: at another file"));
        }

        for (var next = version; next < HistorySchema.LatestVersion; next++)
        {
            // Each step and its version bump commit together: a crash mid-migration leaves the previous version intact.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = HistorySchema.Migrations[next] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {next + 1};");
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<int> ReadUserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // In WAL mode NORMAL never corrupts the database and survives a crashed process; only a power loss can
            // lose the last transactions. FULL would flush the disk on every run's start and end.
            await using var synchronous = connection.CreateCommand();
            synchronous.CommandText = "PRAGMA synchronous = NORMAL";
            await synchronous.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<IReadOnlyList<RunRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<RunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new RunRecord
            {
                RunId = reader.GetString(0),
                JobName = reader.GetString(1),
                Trigger = Enum.Parse<RunTrigger>(reader.GetString(2)),
                Status = Enum.Parse<RunStatus>(reader.GetString(3)),
                ScheduledAt = ReadTime(reader, 4),
                StartedAt = ReadTime(reader, 5),
                EndedAt = ReadTime(reader, 6),
                ExitCode = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                ErrorSummary = reader.IsDBNull(8) ? null : reader.GetString(8),
                OutputDirectory = reader.IsDBNull(9) ? null : reader.GetString(9),
                Attempt = reader.GetInt32(10),
                Host = reader.GetString(11),
                ProcessId = reader.GetInt32(12),
                RecordedAt = FromDb(reader.GetInt64(13)),
            });
        }

        return records;
    }

    private static DateTimeOffset? ReadTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromDb(reader.GetInt64(ordinal));

    // Times are stored as UTC Unix milliseconds: they sort and compare as numbers, whatever the zone of the writer.
    private static object ToDb(DateTimeOffset? time) => time is { } value ? value.ToUnixTimeMilliseconds() : DBNull.Value;

    private static DateTimeOffset FromDb(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
