using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs list [--json] [--wide]</c>: every job, its body, profile, schedule and next occurrence.</summary>
internal static class ListCommand
{
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Prints the jobs as a JSON array." };

    private static readonly Option<bool> WideOption = new("--wide")
    {
        Description = "Shows every column, however wide the table gets (by default the table fits the console).",
    };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("list", "Lists every job with its schedule and next occurrence.") { JsonOption, WideOption };
        command.SetAction(parseResult => Execute(parseResult, time));
        return command;
    }

    private static int Execute(ParseResult parseResult, TimeProvider time)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var now = time.GetUtcNow();
        var rows = configuration.Jobs.Select(job => JobListing.From(job, now)).ToList();
        if (parseResult.GetValue(JsonOption))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
            return ExitCodes.Succeeded;
        }

        // By importance: which job, when it runs next and on what schedule, whether it runs at all; then the rest.
        var table = new FittedTable()
            .AddColumn("Name", importance: 0)
            .AddColumn("Body", importance: 4)
            .AddColumn("Profile", importance: 6)
            .AddColumn("Schedule", importance: 2)
            .AddColumn("Time zone", importance: 5)
            .AddColumn("Next", importance: 1)
            .AddColumn("Enabled", importance: 3);
        foreach (var row in rows)
        {
            table.AddRow(
                row.Name,
                row.Body,
                row.Profile ?? "-",
                row.Schedule ?? "on demand",
                row.TimeZone,
                row.Next ?? "-",
                row.Enabled ? "yes" : "no");
        }

        table.Write(CliConsole.Create(), parseResult.GetValue(WideOption), "exojobs list --wide");
        return ExitCodes.Succeeded;
    }

    /// <summary>One job as <c>list</c> shows it; also the shape of <c>--json</c>.</summary>
    internal sealed record JobListing(
        string Name,
        string? Description,
        string Body,
        string? Profile,
        string? Schedule,
        string TimeZone,
        string? Next,
        bool Enabled,
        string File)
    {
        public static JobListing From(JobDefinition job, DateTimeOffset now) => new(
            job.Name,
            job.Description,
            job.Body.Kind,
            job.ProfileName,
            job.Schedule?.Expression,
            job.TimeZone.Id,
            job.Enabled ? FormatOccurrence(job.Schedule?.GetNextOccurrence(now, job.TimeZone)) : null,
            job.Enabled,
            job.FilePath);
    }

    /// <summary>ISO 8601 with the zone's UTC offset: <c>2026-11-28T02:30:00+01:00</c>.</summary>
    internal static string? FormatOccurrence(DateTimeOffset? occurrence) =>
        occurrence?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
