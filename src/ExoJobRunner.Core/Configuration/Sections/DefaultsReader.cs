using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads <c>defaults:</c>, the values every job inherits.</summary>
internal static class DefaultsReader
{
    private static readonly MappingKeys Keys = new(
        "the defaults section",
        ["profile", "timeZone", "timeout", "rules", "maxConcurrentRuns", NotifyReader.KeyName, .. RunPolicyReader.KeyNames]);

    public static JobDefaults Read(YamlEntry entry, IReadOnlyCollection<string> knownProfiles, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return new JobDefaults();
        }

        var keys = Keys.Select(mapping, file);
        var profileValue = keys.TryGetValue("profile", out var profileEntry) ? file.ReadScalar(profileEntry) : null;
        var timeZone = keys.TryGetValue("timeZone", out var timeZoneEntry) ? file.ReadTimeZone(timeZoneEntry) : null;
        var timeout = keys.TryGetValue("timeout", out var timeoutEntry) ? file.ReadDuration(timeoutEntry) : null;
        var maxConcurrentRuns = keys.TryGetValue("maxConcurrentRuns", out var maxEntry) ? file.ReadInt(maxEntry, minimum: 1) : null;
        var policies = RunPolicyReader.Read(keys, RunPolicies.Of(new JobDefaults()), file);
        var rules = keys.TryGetValue("rules", out var rulesEntry) ? RulesReader.Read(rulesEntry, file) : [];
        var notifications = keys.TryGetValue(NotifyReader.KeyName, out var notifyEntry)
            ? NotifyReader.Read(notifyEntry, JobNotifications.None, file)
            : JobNotifications.None;
        return new JobDefaults
        {
            ProfileName = profileValue is null ? null : ProfileReference.Resolve(profileValue, knownProfiles, file),
            TimeZone = timeZone ?? TimeZoneInfo.Utc,
            Timeout = timeout ?? JobDefaults.DefaultTimeout,
            MaxConcurrentRuns = maxConcurrentRuns ?? JobDefaults.DefaultMaxConcurrentRuns,
            Concurrency = policies.Concurrency,
            Misfire = policies.Misfire,
            Retries = policies.Retries,
            Rules = rules,
            Notifications = notifications,
        };
    }
}
