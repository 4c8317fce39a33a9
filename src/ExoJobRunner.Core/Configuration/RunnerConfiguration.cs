using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration;

/// <summary>Everything loaded from exojobs.yaml and the job files it points at, validated.</summary>
public sealed record RunnerConfiguration
{
    /// <summary>Absolute path of exojobs.yaml.</summary>
    public required string FilePath { get; init; }

    /// <summary>The folder relative paths in exojobs.yaml resolve against (the file's own folder).</summary>
    public string BaseDirectory => Path.GetDirectoryName(FilePath)!;

    public required IReadOnlyDictionary<string, ConnectionProfile> Profiles { get; init; }

    public required JobDefaults Defaults { get; init; }

    /// <summary>The glob patterns under <c>jobs:</c>, relative to <see cref="BaseDirectory"/> (default <c>jobs/*.yaml</c>).</summary>
    public required IReadOnlyList<string> JobPatterns { get; init; }

    public required HistorySettings History { get; init; }

    /// <summary>Every job found, ordered by name.</summary>
    public required IReadOnlyList<JobDefinition> Jobs { get; init; }

    public JobDefinition? FindJob(string name) =>
        Jobs.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.OrdinalIgnoreCase));
}
