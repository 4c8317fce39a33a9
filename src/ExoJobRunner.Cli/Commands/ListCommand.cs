using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using Spectre.Console;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs list [--json]</c>: every job, its body, profile, schedule and next occurrence.</summary>
internal static class ListCommand
{
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Prints the jobs as a JSON array." };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("list", "Lists every job with its schedule and next occurrence.") { JsonOption };
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

        var console = CliConsole.Create();
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Name", "Body", "Profile", "Schedule", "Time zone", "Next", "Enabled");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Name),
                row.Body,
                Markup.Escape(row.Profile ?? "-"),
                Markup.Escape(row.Schedule ?? "on demand"),
                Markup.Escape(row.TimeZone),
                row.Next ?? "-",
                row.Enabled ? "yes" : "no");
        }

        console.Write(table);
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
