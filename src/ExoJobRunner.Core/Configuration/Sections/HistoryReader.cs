using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads <c>history:</c>; paths resolve against exojobs.yaml's folder.</summary>
internal static class HistoryReader
{
    public const string DefaultDatabasePath = ".exojobs/history.db";

    public const string DefaultRunsDirectory = ".exojobs/runs";

    private static readonly MappingKeys Keys = new("the history section", "path", "runs", "keepDays", "keepRuns");

    /// <param name="entry">The <c>history:</c> entry, or null when the file has none (all defaults).</param>
    public static HistorySettings Read(YamlEntry? entry, YamlFile file)
    {
        var mapping = entry is null ? null : file.ReadMapping(entry);
        var keys = mapping is null ? new Dictionary<string, YamlEntry>() : Keys.Select(mapping, file);
        return new HistorySettings
        {
            DatabasePath = (keys.TryGetValue("path", out var path) ? file.ReadPath(path) : null) ?? file.ResolvePath(DefaultDatabasePath),
            RunsDirectory = (keys.TryGetValue("runs", out var runs) ? file.ReadPath(runs) : null) ?? file.ResolvePath(DefaultRunsDirectory),
            KeepDays = keys.TryGetValue("keepDays", out var keepDays) ? file.ReadInt(keepDays, minimum: 1) : null,
            KeepRuns = keys.TryGetValue("keepRuns", out var keepRuns) ? file.ReadInt(keepRuns, minimum: 1) : null,
        };
    }
}
