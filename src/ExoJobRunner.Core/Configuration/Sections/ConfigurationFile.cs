using ExoJobRunner.Core.Configuration.Yaml;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>What exojobs.yaml itself says, before the job files it points at are read.</summary>
/// <param name="JobPatterns">The <c>jobs:</c> globs, relative to the file's folder.</param>
/// <param name="JobPatternsNode">Where <c>jobs:</c> is written, or null when the default pattern applies.</param>
internal sealed record ConfigurationFile(
    IReadOnlyDictionary<string, ConnectionProfile> Profiles,
    JobDefaults Defaults,
    IReadOnlyList<string> JobPatterns,
    YamlNode? JobPatternsNode,
    HistorySettings History);
