using System.Globalization;
using ExoJobRunner.Core.Configuration.Sections;
using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration.JobFiles;

/// <summary>Reads one job file (<c>jobs/&lt;name&gt;.yaml</c>) into a <see cref="JobDefinition"/>, defaults applied.</summary>
internal static class JobFileReader
{
    private static readonly MappingKeys Keys = new(
        "a job file",
        ["name", "description", "profile", "schedule", "timeZone", "timeout", "enabled", "parameters", "rules", NotifyReader.KeyName, .. RunPolicyReader.KeyNames, .. JobBodyReader.Keys.Keys]);

    /// <summary>The job, or null when it is too broken to build (every problem has been reported to <paramref name="file"/>).</summary>
    public static JobDefinition? Read(YamlFile file, JobDefaults defaults, IReadOnlyCollection<string> knownProfiles)
    {
        if (file.Root is not YamlMapping job)
        {
            var found = file.Root is null ? "it is empty" : $"it holds {file.Root.Description}";
            file.Error(
                ConfigurationDiagnosticIds.FileNotAMapping,
                $"a job file must be a mapping of keys (name, schedule, csx, …) but {found}; a job needs at least a body such as csx: <file.csx>",
                file.Root);
            return null;
        }

        var keys = Keys.Select(job, file);
        var (name, nameNode) = ReadName(keys.GetValueOrDefault("name"), file);
        var description = keys.TryGetValue("description", out var descriptionEntry) ? file.ReadString(descriptionEntry) : null;
        var profileValue = keys.TryGetValue("profile", out var profileEntry) ? file.ReadScalar(profileEntry) : null;
        var profile = profileValue is null ? defaults.ProfileName : ProfileReference.Resolve(profileValue, knownProfiles, file);
        var schedule = keys.TryGetValue("schedule", out var scheduleEntry) ? ReadSchedule(scheduleEntry, file) : null;
        var timeZone = keys.TryGetValue("timeZone", out var timeZoneEntry) ? file.ReadTimeZone(timeZoneEntry) : null;
        var timeout = keys.TryGetValue("timeout", out var timeoutEntry) ? file.ReadDuration(timeoutEntry) : null;
        var enabled = keys.TryGetValue("enabled", out var enabledEntry) ? file.ReadBool(enabledEntry) : null;
        var parameters = keys.TryGetValue("parameters", out var parametersEntry)
            ? ReadParameters(parametersEntry, file)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var policies = RunPolicyReader.Read(keys, RunPolicies.Of(defaults), file);
        var rules = keys.TryGetValue("rules", out var rulesEntry) ? RulesReader.Read(rulesEntry, file) : [];
        var notifications = keys.TryGetValue(NotifyReader.KeyName, out var notifyEntry)
            ? NotifyReader.Read(notifyEntry, defaults.Notifications, file)
            : defaults.Notifications;
        var body = JobBodyReader.Read(job, file);
        if (name is null || body is null)
        {
            return null;
        }

        return new JobDefinition
        {
            Name = name,
            FilePath = file.FilePath,
            Description = description,
            ProfileName = profile,
            Schedule = schedule,
            TimeZone = timeZone ?? defaults.TimeZone,
            Timeout = timeout ?? defaults.Timeout,
            Enabled = enabled ?? true,
            Concurrency = policies.Concurrency,
            Misfire = policies.Misfire,
            Retries = policies.Retries,
            Notifications = notifications,
            Parameters = parameters,
            Body = body with { RuleOverrides = RulesReader.Merge(defaults.Rules, rules) },
            Location = file.At(nameNode),
        };
    }

    /// <summary>
    /// The job's name (from <c>name:</c>, else the file name without extension). Names become command-line
    /// arguments and run folder names, so they are limited to letters, digits, '-', '_' and '.'.
    /// </summary>
    private static (string? Name, YamlNode? Node) ReadName(YamlEntry? entry, YamlFile file)
    {
        var scalar = entry is null ? null : file.ReadScalar(entry);
        var name = scalar?.Value.Trim() ?? Path.GetFileNameWithoutExtension(file.FilePath);
        YamlNode? node = entry?.Key;
        var isValid = name.Length > 0
            && char.IsAsciiLetterOrDigit(name[0])
            && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.');
        if (isValid)
        {
            return (name, node);
        }

        var source = scalar is null ? " (taken from the file name: add name: <job-name> or rename the file)" : string.Empty;
        file.Error(
            ConfigurationDiagnosticIds.InvalidValue,
            $"job name '{name}'{source} must start with a letter or digit and hold only letters, digits, '-', '_' and '.'",
            (YamlNode?)scalar ?? node);
        return (null, node);
    }

    private static JobSchedule? ReadSchedule(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        if (!CronScheduleParser.TryParse(scalar.Value, out var schedule, out var problem))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidCron,
                $"'schedule' is not a valid cron expression: '{scalar.Value}': {problem}",
                scalar);
            return null;
        }

        // Cron has no year, so an expression that fires once fires again: no next occurrence now means none ever
        // (a day the month never has, such as 0 0 30 2 *), and the job would silently never run.
        if (schedule.GetNextOccurrence(DateTimeOffset.UtcNow, TimeZoneInfo.Utc) is null)
        {
            file.Error(
                ConfigurationDiagnosticIds.ScheduleNeverFires,
                $"'schedule' '{scalar.Value}' never fires: no date matches it (a day the month never has, such as February 30th); fix the day or month, or remove 'schedule:' for an on-demand job",
                scalar);
            return null;
        }

        return schedule;
    }

    /// <summary>
    /// Parameter defaults are kept as written, as strings: <c>days: 030</c> stays "030" and <c>since: 2024-01-01</c>
    /// is not turned into a date, exactly as a <c>--param days=030</c> on the command line would be.
    /// </summary>
    private static Dictionary<string, string> ReadParameters(YamlEntry entry, YamlFile file)
    {
        // Bodies look parameters up ignoring case ($Parameters in PowerShell is a hashtable), so names must differ by more than case.
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var firstLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return parameters;
        }

        foreach (var parameter in mapping.Entries)
        {
            if (firstLines.TryGetValue(parameter.Name, out var firstLine))
            {
                file.Error(
                    ConfigurationDiagnosticIds.DuplicateKey,
                    string.Create(CultureInfo.InvariantCulture, $"parameter '{parameter.Name}' is already defined on line {firstLine} (names are compared ignoring case); keep one of them"),
                    parameter.Key);
                continue;
            }

            firstLines.Add(parameter.Name, parameter.Key.Line);
            if (parameter.Value is YamlScalar value)
            {
                parameters.Add(parameter.Name, value.IsNull ? string.Empty : value.Value);
            }
            else
            {
                file.Error(
                    ConfigurationDiagnosticIds.WrongType,
                    $"parameter '{parameter.Name}' must be a single default value, not {parameter.Value.Description}; pass lists as text and split them in the body",
                    parameter.Value);
            }
        }

        return parameters;
    }
}
