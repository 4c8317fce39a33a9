using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Core.Running;

/// <summary>What one run of a job did: the record kept for it and the exit code the process reports.</summary>
public sealed record RunResult
{
    public required string RunId { get; init; }

    public required string JobName { get; init; }

    public required RunStatus Status { get; init; }

    public required int ExitCode { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>One line saying why the run did not succeed; null when it did.</summary>
    public string? ErrorSummary { get; init; }

    /// <summary>The run's own folder: its log (<c>run.log</c>) and whatever the body wrote.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Compile/parse diagnostics of the body (errors when it was refused, otherwise warnings).</summary>
    public IReadOnlyList<ExoDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// The exception that failed the run, when one did (thrown by the body, or by connecting its session); it tells
    /// a transient fault worth retrying from a script error. Never shown to users as is: <see cref="ErrorSummary"/> is.
    /// </summary>
    public Exception? Error { get; init; }

    public TimeSpan Duration => EndedAt - StartedAt;
}
