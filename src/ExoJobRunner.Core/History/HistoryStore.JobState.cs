using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>The scheduler's memory between starts: the last occurrence it handled of each job.</summary>
public sealed partial class HistoryStore
{
    /// <summary>The last schedule occurrence the scheduler handled (ran, queued or recorded) for a job; null before the first.</summary>
    public Task<DateTimeOffset?> GetLastOccurrenceAsync(string jobName, CancellationToken cancellationToken) =>
        _database.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT last_occurrence FROM job_state WHERE job = $job";
                command.Parameters.AddWithValue("$job", jobName);
                var value = await command.ExecuteScalarAsync(token);
                return value is long milliseconds ? RunRows.FromDb(milliseconds) : (DateTimeOffset?)null;
            },
            cancellationToken);

    /// <summary>Remembers the last handled occurrence of several jobs in one transaction (one disk flush for all).</summary>
    public Task SetLastOccurrencesAsync(IEnumerable<(string JobName, DateTimeOffset Occurrence)> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var rows = occurrences.ToList();
        return _database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO job_state (job, last_occurrence) VALUES ($job, $occurrence)
                    ON CONFLICT (job) DO UPDATE SET last_occurrence = excluded.last_occurrence
                    """;
                var job = command.Parameters.Add("$job", SqliteType.Text);
                var occurrence = command.Parameters.Add("$occurrence", SqliteType.Integer);
                foreach (var (jobName, at) in rows)
                {
                    job.Value = jobName;
                    occurrence.Value = RunRows.ToDb(at);
                    await command.ExecuteNonQueryAsync(token);
                }

                await transaction.CommitAsync(token);
                return rows.Count;
            },
            cancellationToken);
    }
}
