using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs next &lt;job&gt; [--count N] [--from time] [--json]</c>: when a job runs next, in its zone with the UTC offset.</summary>
internal static class NextCommand
{
    private const int MaxCount = 1000;

    private static readonly Argument<string> JobArgument = new("job") { Description = "The job (its name, see 'exojobs list')." };

    private static readonly Option<int> CountOption = new("--count", "-n")
    {
        Description = "How many occurrences to show (1-1000).",
        DefaultValueFactory = _ => 5,
    };

    private static readonly Option<string?> FromOption = new("--from")
    {
        Description = "Start after this ISO 8601 time instead of now: 2026-10-25T01:00:00Z, or without an offset to read it in the job's time zone.",
    };

    private static readonly Option<bool> JsonOption = new("--json") { Description = "Prints the occurrences as a JSON array." };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("next", "Shows when a job runs next, in its time zone with the UTC offset.")
        {
            JobArgument,
            CountOption,
            FromOption,
            JsonOption,
        };
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

        var name = parseResult.GetRequiredValue(JobArgument);
        var job = configuration.FindJob(name);
        if (job is null)
        {
            Console.Error.WriteLine(CliErrors.UnknownJob(name, configuration));
            return ExitCodes.UsageOrConfiguration;
        }

        var count = parseResult.GetValue(CountOption);
        if (count is < 1 or > MaxCount)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exojobs: --count must be between 1 and {MaxCount}, not {count}."));
            return ExitCodes.UsageOrConfiguration;
        }

        var fromText = parseResult.GetValue(FromOption);
        var from = time.GetUtcNow();
        if (fromText is not null && !TryParseFrom(fromText, job.TimeZone, out from))
        {
            Console.Error.WriteLine($"exojobs: --from expects an ISO 8601 time such as 2026-10-25T01:00:00Z or 2026-10-25T02:30 (read in {job.TimeZone.Id}), not '{fromText}'.");
            return ExitCodes.UsageOrConfiguration;
        }

        var occurrences = Occurrences(job, from, count);
        if (parseResult.GetValue(JsonOption))
        {
            var rows = occurrences.Select(occurrence => new NextOccurrence(OccurrenceFormat.InZone(occurrence, job.TimeZone), OccurrenceFormat.Utc(occurrence)));
            Console.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
            return ExitCodes.Succeeded;
        }

        if (job.Schedule is null)
        {
            Console.Out.WriteLine($"Job '{job.Name}' has no schedule: it runs only with 'exojobs run {job.Name}'.");
            return ExitCodes.Succeeded;
        }

        var disabled = job.Enabled ? string.Empty : " (disabled: the scheduler does not run it)";
        Console.Out.WriteLine($"Job '{job.Name}': {job.Schedule.Expression} in {job.TimeZone.Id}{disabled}");
        foreach (var occurrence in occurrences)
        {
            Console.Out.WriteLine($"  {OccurrenceFormat.InZone(occurrence, job.TimeZone)}  ({OccurrenceFormat.Utc(occurrence)})");
        }

        return ExitCodes.Succeeded;
    }

    private static List<DateTimeOffset> Occurrences(JobDefinition job, DateTimeOffset from, int count)
    {
        var occurrences = new List<DateTimeOffset>();
        var cursor = from;
        while (job.Schedule is not null && occurrences.Count < count && job.Schedule.GetNextOccurrence(cursor, job.TimeZone) is { } next)
        {
            occurrences.Add(next);
            cursor = next;
        }

        return occurrences;
    }

    /// <summary>An ISO time with an offset or Z is taken as written; one without is read as wall-clock time in the job's zone.</summary>
    private static bool TryParseFrom(string text, TimeZoneInfo zone, out DateTimeOffset from)
    {
        from = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            from = new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
            return true;
        }

        from = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return true;
    }

    /// <summary>One occurrence as <c>--json</c> prints it.</summary>
    internal sealed record NextOccurrence(string Local, string Utc);
}
