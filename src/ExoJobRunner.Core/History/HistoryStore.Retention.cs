using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>Retention: how old and how many rows are kept (<c>history: keepDays, keepRuns</c>).</summary>
public sealed partial class HistoryStore
{
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

        const string Doomed = """
            status <> 'Running' AND (
                ($cutoff IS NOT NULL AND recorded_at < $cutoff)
                OR ($keepRuns IS NOT NULL AND run_id IN (
                    SELECT run_id FROM (
                        SELECT run_id, ROW_NUMBER() OVER (PARTITION BY lower(job) ORDER BY recorded_at DESC, rowid DESC) AS age
                        FROM runs)
                    WHERE age > $keepRuns)))
            """;
        object cutoff = keepDays is { } days ? RunRows.ToDb(now.AddDays(-days)) : DBNull.Value;
        object runs = (object?)keepRuns ?? DBNull.Value;
        return await _database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
                await using var select = connection.CreateCommand();
                select.Transaction = transaction;
                select.CommandText = $"SELECT {RunRows.Columns} FROM runs WHERE {Doomed}";
                select.Parameters.AddWithValue("$cutoff", cutoff);
                select.Parameters.AddWithValue("$keepRuns", runs);
                var deleted = await RunRows.ReadAsync(select, token);

                await using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = $"DELETE FROM runs WHERE {Doomed}";
                delete.Parameters.AddWithValue("$cutoff", cutoff);
                delete.Parameters.AddWithValue("$keepRuns", runs);
                await delete.ExecuteNonQueryAsync(token);
                await transaction.CommitAsync(token);
                return deleted;
            },
            cancellationToken);
    }
}
