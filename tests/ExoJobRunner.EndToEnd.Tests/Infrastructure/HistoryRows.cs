using System.Globalization;
using System.Text.Json;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>Reads run history the way a script would: through <c>exojobs history --json</c>.</summary>
internal static class HistoryRows
{
    public static async Task<IReadOnlyList<HistoryRow>> ReadAsync(Workspace workspace, string? job = null)
    {
        string[] arguments = job is null ? ["history", "--last", "1000", "--json"] : ["history", job, "--last", "1000", "--json"];
        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        return [.. document.RootElement.EnumerateArray().Select(HistoryRow.From)];
    }
}

/// <summary>The fields of one <c>history --json</c> row the tests look at.</summary>
internal sealed record HistoryRow(string RunId, string Job, string Trigger, string Status, DateTimeOffset? ScheduledAt, int? ExitCode, string? ErrorSummary, string? OutputDirectory)
{
    public static HistoryRow From(JsonElement row) => new(
        row.GetProperty("runId").GetString()!,
        row.GetProperty("job").GetString()!,
        row.GetProperty("trigger").GetString()!,
        row.GetProperty("status").GetString()!,
        row.GetProperty("scheduledAt").ValueKind == JsonValueKind.Null
            ? null
            : DateTimeOffset.Parse(row.GetProperty("scheduledAt").GetString()!, CultureInfo.InvariantCulture),
        row.GetProperty("exitCode").ValueKind == JsonValueKind.Null ? null : row.GetProperty("exitCode").GetInt32(),
        row.GetProperty("errorSummary").GetString(),
        row.GetProperty("outputDirectory").GetString());
}
