using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads the top level of exojobs.yaml: profiles, defaults, jobs and history.</summary>
internal static class ConfigurationFileReader
{
    public const string DefaultJobPattern = "jobs/*.yaml";

    private static readonly MappingKeys Keys = new("exojobs.yaml", "profiles", "defaults", "jobs", "history");

    /// <summary>
    /// Reads <paramref name="file"/>; an empty file means every default. Problems are reported to the file and the
    /// best reading possible is returned, so the job files can still be checked against it.
    /// </summary>
    public static ConfigurationFile Read(YamlFile file)
    {
        var keys = SelectKeys(file);
        var profiles = keys.TryGetValue("profiles", out var profilesEntry)
            ? ReadProfiles(profilesEntry, file)
            : new Dictionary<string, ConnectionProfile>(StringComparer.Ordinal);
        var defaults = keys.TryGetValue("defaults", out var defaultsEntry)
            ? DefaultsReader.Read(defaultsEntry, profiles.Keys.ToList(), file)
            : new JobDefaults();

        IReadOnlyList<string> patterns = [DefaultJobPattern];
        YamlNode? patternsNode = null;
        if (keys.TryGetValue("jobs", out var jobsEntry) && jobsEntry.Value is not YamlScalar { IsNull: true })
        {
            patterns = file.ReadScalarList(jobsEntry).Select(pattern => pattern.Value.Trim()).Where(pattern => pattern.Length > 0).ToList();
            patternsNode = jobsEntry.Value;
        }

        var history = HistoryReader.Read(keys.GetValueOrDefault("history"), file);
        return new ConfigurationFile(profiles, defaults, patterns, patternsNode, history);
    }

    private static IReadOnlyDictionary<string, YamlEntry> SelectKeys(YamlFile file)
    {
        switch (file.Root)
        {
            case null:
                return new Dictionary<string, YamlEntry>();
            case YamlMapping mapping:
                return Keys.Select(mapping, file);
            default:
                file.Error(
                    ConfigurationDiagnosticIds.FileNotAMapping,
                    $"exojobs.yaml must be a mapping of keys ({string.Join(", ", Keys.Names)}), not {file.Root.Description}",
                    file.Root);
                return new Dictionary<string, YamlEntry>();
        }
    }

    private static Dictionary<string, ConnectionProfile> ReadProfiles(YamlEntry entry, YamlFile file)
    {
        var profiles = new Dictionary<string, ConnectionProfile>(StringComparer.Ordinal);
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return profiles;
        }

        foreach (var profileEntry in mapping.Entries)
        {
            if (profileEntry.Name.Trim().Length == 0)
            {
                file.Error(ConfigurationDiagnosticIds.InvalidValue, "a profile needs a name; write it before the colon", profileEntry.Key);
                continue;
            }

            profiles[profileEntry.Name] = ProfileReader.Read(profileEntry, file);
        }

        return profiles;
    }
}
