namespace ExoJobRunner.Core.Configuration;

/// <summary>Where run history and per-run output folders are kept, and for how long (the <c>history:</c> section).</summary>
public sealed record HistorySettings
{
    /// <summary>Absolute path of the SQLite history database (default <c>.exojobs/history.db</c> beside exojobs.yaml).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Absolute path of the folder that holds one sub-folder per run (default <c>.exojobs/runs</c>).</summary>
    public required string RunsDirectory { get; init; }

    /// <summary>Runs older than this many days are pruned; null keeps them.</summary>
    public int? KeepDays { get; init; }

    /// <summary>Only this many most recent runs per job are kept; null keeps them all.</summary>
    public int? KeepRuns { get; init; }
}
