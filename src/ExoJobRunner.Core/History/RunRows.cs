using ExoJobRunner.Core.Running;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>How a <see cref="RunRecord"/> maps to a row of the <c>runs</c> table, and times to their stored form.</summary>
internal static class RunRows
{
    /// <summary>The columns every query selects and every insert writes, in the order <see cref="ReadAsync"/> reads them.</summary>
    public const string Columns =
        "run_id, job, trigger, status, scheduled_at, started_at, ended_at, exit_code, error_summary, output_directory, attempt, host, pid, recorded_at, process_started_at";

    /// <summary>Sets the parameters of an insert of <see cref="Columns"/> (<c>$runId</c> … <c>$processStartedAt</c>).</summary>
    public static void Bind(SqliteCommand command, RunRecord record)
    {
        command.Parameters.AddWithValue("$runId", record.RunId);
        command.Parameters.AddWithValue("$job", record.JobName);
        command.Parameters.AddWithValue("$trigger", record.Trigger.Name);
        command.Parameters.AddWithValue("$status", record.Status.Name);
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
        command.Parameters.AddWithValue("$processStartedAt", ToDb(record.ProcessStartedAt));
    }

    /// <summary>Every row <paramref name="command"/> selects (with <see cref="Columns"/>), in its order.</summary>
    public static async Task<IReadOnlyList<RunRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<RunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new RunRecord
            {
                RunId = reader.GetString(0),
                JobName = reader.GetString(1),

                // Kept as stored: a row written by a newer exojobs (a status this one does not know) is shown as it is.
                Trigger = new RecordedName<RunTrigger>(reader.GetString(2)),
                Status = new RecordedName<RunStatus>(reader.GetString(3)),
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
                ProcessStartedAt = ReadTime(reader, 14),
            });
        }

        return records;
    }

    // Times are stored as UTC Unix milliseconds: they sort and compare as numbers, whatever the zone of the writer.
    public static object ToDb(DateTimeOffset? time) => time is { } value ? value.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset FromDb(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static DateTimeOffset? ReadTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromDb(reader.GetInt64(ordinal));
}
