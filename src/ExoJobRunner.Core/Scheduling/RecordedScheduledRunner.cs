using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>The scheduler's way of carrying out a run: the job's own parameters and profile, recorded in history, retried when transient.</summary>
public sealed class RecordedScheduledRunner : IScheduledRunner
{
    private readonly RecordedJobRunner _runner;
    private readonly RunnerConfiguration _configuration;

    public RecordedScheduledRunner(RecordedJobRunner runner, RunnerConfiguration configuration)
    {
        _runner = runner;
        _configuration = configuration;
    }

    public Task<RunResult> RunAsync(ScheduledRun run, JobLock heldLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var job = run.Job;
        ConnectionProfile? profile = null;
        if (job.ProfileName is not null)
        {
            // The loader has already checked that every job's profile exists.
            profile = _configuration.Profiles[job.ProfileName];
        }

        var request = new RunRequest
        {
            Job = job,
            Parameters = job.Parameters,
            Profile = profile,
            RunsDirectory = _configuration.History.RunsDirectory,
            RunId = run.RunId,
            Trigger = run.Trigger,
            ScheduledAt = run.ScheduledAt,
        };
        return _runner.RunAsync(request, heldLock, cancellationToken);
    }
}
