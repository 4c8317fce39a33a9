namespace ExoJobRunner.Core.History;

/// <summary>The store's reads: the rows <c>exojobs history</c> and <c>exojobs logs</c> show.</summary>
public sealed partial class HistoryStore
{
    /// <summary>The most recent <paramref name="last"/> rows, oldest first (as a log reads), of one job or of all.</summary>
    public Task<IReadOnlyList<RunRecord>> ListAsync(string? jobName, int last, CancellationToken cancellationToken) =>
        _database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT * FROM (
                        SELECT {RunRows.Columns} FROM runs
                        WHERE $job IS NULL OR job = $job COLLATE NOCASE
                        ORDER BY recorded_at DESC, rowid DESC
                        LIMIT $last)
                    ORDER BY recorded_at, run_id
                    """;
                command.Parameters.AddWithValue("$job", (object?)jobName ?? DBNull.Value);
                command.Parameters.AddWithValue("$last", last);
                return await RunRows.ReadAsync(command, token);
            },
            cancellationToken);

    /// <summary>The row with this run id, or the only one whose id starts with it (ids are long to type).</summary>
    public Task<IReadOnlyList<RunRecord>> FindAsync(string runIdOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIdOrPrefix);
        return _database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT {RunRows.Columns} FROM runs
                    WHERE run_id = $id OR (substr(run_id, 1, length($id)) = $id AND NOT EXISTS (SELECT 1 FROM runs WHERE run_id = $id))
                    ORDER BY recorded_at
                    LIMIT 10
                    """;
                command.Parameters.AddWithValue("$id", runIdOrPrefix.Trim());
                return await RunRows.ReadAsync(command, token);
            },
            cancellationToken);
    }

    /// <summary>Rows still marked Running (by this or any process).</summary>
    public Task<IReadOnlyList<RunRecord>> ListRunningAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {RunRows.Columns} FROM runs WHERE status = 'Running' ORDER BY recorded_at";
                return await RunRows.ReadAsync(command, token);
            },
            cancellationToken);

    /// <summary>The schema version of the database file (for tests and diagnostics).</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(HistoryDatabase.ReadUserVersionAsync, cancellationToken);
}
