using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>The scheduler's memory between starts: the last occurrence it handled of each job.</summary>
public sealed partial class HistoryStore
{
    /// <summary>The last schedule occurrence the scheduler handled (ran, queued or skipped) for a job; null before the first.</summary>
    public async Task<DateTimeOffset?> GetLastOccurrenceAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var connection = await _database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_occurrence FROM job_state WHERE job = $job";
        command.Parameters.AddWithValue("$job", jobName);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long milliseconds ? RunRows.FromDb(milliseconds) : null;
    }

    /// <summary>Remembers the last handled occurrence of several jobs in one transaction (one disk flush for all).</summary>
    public async Task SetLastOccurrencesAsync(IEnumerable<(string JobName, DateTimeOffset Occurrence)> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        await using var connection = await _database.ConnectAsync(cancellationToken);
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
            occurrence.Value = RunRows.ToDb(at);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
