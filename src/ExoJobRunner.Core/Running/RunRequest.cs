using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Running;

/// <summary>One run to perform: the job, its final parameter values and profile, and where its log goes.</summary>
public sealed record RunRequest
{
    public required JobDefinition Job { get; init; }

    /// <summary>The job's parameters after overrides (see <see cref="JobParameters.Merge"/>).</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The profile whose shared session the body gets as <c>Exo</c>; null runs without Exchange.</summary>
    public ConnectionProfile? Profile { get; init; }

    /// <summary>The folder under which this run's own folder (<c>&lt;job&gt;/&lt;run id&gt;</c>) is created.</summary>
    public required string RunsDirectory { get; init; }

    /// <summary>Where the log is streamed live (the console for <c>exojobs run</c>); null logs to the run folder only.</summary>
    public TextWriter? Console { get; init; }

    public LogLevel ConsoleLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// The run's id when the caller chose it beforehand (to record it in the job's lock before the run starts); null
    /// lets <see cref="History.RecordedJobRunner"/> take one from the process's <see cref="RunIdGenerator"/>.
    /// </summary>
    public string? RunId { get; init; }

    public RunTrigger Trigger { get; init; } = RunTrigger.Manual;

    /// <summary>The schedule occurrence this run is for (UTC); null for a manual run.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>1 for the first attempt; retries count up from there.</summary>
    public int Attempt { get; init; } = 1;
}
