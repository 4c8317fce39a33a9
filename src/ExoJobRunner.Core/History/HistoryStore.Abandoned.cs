using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>Settling runs whose process is gone.</summary>
public sealed partial class HistoryStore
{
    /// <summary>
    /// Marks Abandoned every Running row of this host whose process is gone: a crash, SIGKILL or power loss ended it
    /// before it could say how the run ended. Every command that opens the history calls this, for every job, so a
    /// killed run is settled by whatever runs next. Rows of live processes (a concurrent <c>exojobs run</c>) are left
    /// alone, and so are rows of other hosts, whose processes cannot be checked from here.
    /// </summary>
    /// <returns>The rows marked, as they were before.</returns>
    public async Task<IReadOnlyList<RunRecord>> MarkAbandonedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orphans = (await ListRunningAsync(cancellationToken))
            .Where(row => string.Equals(row.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            .Where(row => !ProcessLiveness.IsRunning(row.ProcessId, row.ProcessStartedAt, row.StartedAt ?? row.RecordedAt))
            .ToList();
        if (orphans.Count == 0)
        {
            return orphans;
        }

        await _database.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
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
                    await command.ExecuteNonQueryAsync(token);
                }

                await transaction.CommitAsync(token);
                return orphans.Count;
            },
            cancellationToken);
        return orphans;
    }
}
