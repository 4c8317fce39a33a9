using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs history [job] [--last N] [--json] [--wide]</c>: what ran (or was skipped), when, and how it ended.</summary>
internal static class HistoryCommand
{
    private static readonly Argument<string?> JobArgument = new("job")
    {
        Description = "Only this job's runs (default: all jobs).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<int> LastOption = new("--last", "-n")
    {
        Description = "How many of the most recent rows to show.",
        DefaultValueFactory = _ => 20,
    };

    private static readonly Option<bool> JsonOption = new("--json") { Description = "Prints the rows as a JSON array." };

    private static readonly Option<bool> WideOption = new("--wide")
    {
        Description = "Shows every column, times with their UTC offset, however wide the table gets (by default the table fits the console).",
    };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("history", "Lists recorded runs and skipped occurrences, oldest first, with status and exit code.")
        {
            JobArgument,
            LastOption,
            JsonOption,
            WideOption,
        };
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, time, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, TimeProvider time, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var last = parseResult.GetValue(LastOption);
        if (last < 1)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exojobs: --last must be at least 1, not {last}."));
            return ExitCodes.UsageOrConfiguration;
        }

        var jobName = parseResult.GetValue(JobArgument);
        var (history, unusable) = await HistoryAccess.OpenIfPresentAsync(configuration, time, Console.Error, cancellationToken);
        if (unusable)
        {
            return ExitCodes.EnvironmentError;
        }

        var rows = history is null ? [] : await history.ListAsync(jobName, last, cancellationToken);

        // A job since removed from the configuration still has its history; only a name known to neither is a typo.
        if (jobName is not null && rows.Count == 0 && configuration.FindJob(jobName) is null)
        {
            await Console.Error.WriteLineAsync(CliErrors.UnknownJob(jobName, configuration));
            return ExitCodes.UsageOrConfiguration;
        }

        if (parseResult.GetValue(JsonOption))
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(rows.Select(HistoryRow.From), CliJson.Options));
            return ExitCodes.Succeeded;
        }

        if (rows.Count == 0)
        {
            await Console.Out.WriteLineAsync($"No runs recorded yet in {configuration.History.DatabasePath}.");
            return ExitCodes.Succeeded;
        }

        // By importance: which run (its id), how it ended, of which job, when; then the rest, left out first on a narrow console.
        var wide = parseResult.GetValue(WideOption);
        var table = new FittedTable()
            .AddColumn("Run id", importance: 0)
            .AddColumn("Job", importance: 3)
            .AddColumn("Trigger", importance: 8)
            .AddColumn("Scheduled", importance: 7)
            .AddColumn("Started", importance: 4)
            .AddColumn("Duration", importance: 5)
            .AddColumn("Status", importance: 1)
            .AddColumn("Exit", importance: 2)
            .AddColumn("Summary", importance: 6, flexible: true);
        foreach (var row in rows)
        {
            table.AddRow(
                row.RunId,
                row.JobName,
                row.Trigger.ToString(),
                Local(row.ScheduledAt, wide),
                Local(row.StartedAt, wide),
                row.Duration is { } duration ? JobRunner.FormatDuration(duration) : "-",
                row.Status.ToString(),
                row.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
                row.ErrorSummary ?? string.Empty);
        }

        table.Write(CliConsole.Create(), wide, "exojobs history --wide");
        return ExitCodes.Succeeded;
    }

    /// <summary>Local time: with its UTC offset in ISO 8601 for --wide, else to the second without it, which fits a console.</summary>
    private static string Local(DateTimeOffset? time, bool wide) => time switch
    {
        null => "-",
        { } value when wide => OccurrenceFormat.InZone(value, TimeZoneInfo.Local),
        { } value => TimeZoneInfo.ConvertTime(value, TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// One row as <c>--json</c> prints it: times in UTC, the duration in seconds, trigger and status by name (as stored,
    /// so a status written by a newer exojobs is shown as it is).
    /// </summary>
    internal sealed record HistoryRow(
        string RunId,
        string Job,
        string Trigger,
        string Status,
        DateTimeOffset? ScheduledAt,
        DateTimeOffset? StartedAt,
        DateTimeOffset? EndedAt,
        double? DurationSeconds,
        int? ExitCode,
        string? ErrorSummary,
        string? OutputDirectory,
        int Attempt,
        string Host,
        int ProcessId)
    {
        public static HistoryRow From(RunRecord row) => new(
            row.RunId,
            row.JobName,
            row.Trigger.Name,
            row.Status.Name,
            row.ScheduledAt,
            row.StartedAt,
            row.EndedAt,
            row.Duration?.TotalSeconds,
            row.ExitCode,
            row.ErrorSummary,
            row.OutputDirectory,
            row.Attempt,
            row.Host,
            row.ProcessId);
    }
}
