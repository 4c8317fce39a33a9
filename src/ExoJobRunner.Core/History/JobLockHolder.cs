using System.Globalization;
using System.Text.Json;

namespace ExoJobRunner.Core.History;

/// <summary>Who holds a job's lock: what a refused <c>exojobs run</c> or scheduler occurrence tells the user.</summary>
public sealed record JobLockHolder(int ProcessId, string Host, DateTimeOffset StartedAt, string RunId)
{
    /// <summary>The holder as the current process, for run <paramref name="runId"/> starting at <paramref name="startedAt"/>.</summary>
    public static JobLockHolder ThisProcess(string runId, DateTimeOffset startedAt) =>
        new(Environment.ProcessId, Environment.MachineName, startedAt, runId);

    /// <summary>"job 'x' is already running (pid N on host H, started at T, run id R)".</summary>
    public string DescribeFor(string jobName) => string.Create(
        CultureInfo.InvariantCulture,
        $"job '{jobName}' is already running (pid {ProcessId} on host {Host}, started at {StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, run id {RunId})");

    internal string ToJson() => JsonSerializer.Serialize(this);

    internal static JobLockHolder? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<JobLockHolder>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
