using ExoJobRunner.Core.Configuration;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>What a <see cref="JobScheduler"/> schedules and where it keeps its state.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Every job of the configuration; those disabled or without a schedule are left alone.</summary>
    public required IReadOnlyList<Jobs.JobDefinition> Jobs { get; init; }

    /// <summary>How many runs go at once, all jobs together (<c>defaults: maxConcurrentRuns</c>).</summary>
    public int MaxConcurrentRuns { get; init; } = JobDefaults.DefaultMaxConcurrentRuns;

    /// <summary>Where history lives and how long it is kept (pruned at start-up; runs prune after themselves).</summary>
    public required HistorySettings History { get; init; }

    /// <summary>The folder of the job lock files shared with <c>exojobs run</c>.</summary>
    public required string LocksDirectory { get; init; }
}
