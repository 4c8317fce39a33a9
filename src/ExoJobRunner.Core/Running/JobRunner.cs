using System.Globalization;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running.Logging;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using Microsoft.Extensions.Logging;
using RunEnding = (
    ExoJobRunner.Core.Running.RunStatus Status,
    int ExitCode,
    string? Summary,
    System.Collections.Generic.IReadOnlyList<ExoJobRunner.Core.Diagnostics.ExoDiagnostic> Diagnostics,
    System.Exception? Error);

namespace ExoJobRunner.Core.Running;

/// <summary>
/// Runs one job once: creates the run folder and log, hands the body to its language's engine with the profile's
/// shared Exchange session, enforces the timeout and turns however the body ended into a <see cref="RunResult"/>.
/// </summary>
public sealed class JobRunner
{
    /// <summary>
    /// How long a body gets to honour cancellation (timeout or Ctrl+C) before it is abandoned: the run then ends
    /// anyway, so a body stuck in a blocking call cannot hold the process past its limit by more than this.
    /// </summary>
    public static readonly TimeSpan CancellationGracePeriod = TimeSpan.FromSeconds(3);

    private readonly IJobBodyEngines _engines;
    private readonly Func<ConnectionProfile, CancellationToken, Task<ExchangeSession>>? _sessions;
    private readonly TimeProvider _time;

    /// <param name="engines">The engine of each body language, asked for when a body of that language runs.</param>
    /// <param name="sessions">
    /// Gives the shared, connected session of a profile (one per profile per process, see ExchangeSessionPool);
    /// null when no profile can be used.
    /// </param>
    /// <param name="time">The clock; tests pass a fake one.</param>
    public JobRunner(IJobBodyEngines engines, Func<ConnectionProfile, CancellationToken, Task<ExchangeSession>>? sessions, TimeProvider time)
    {
        _engines = engines;
        _sessions = sessions;
        _time = time;
    }

    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = request.Job;
        var startedAt = _time.GetUtcNow();
        var runId = request.RunId ?? throw new ArgumentException("the run has no id: RecordedJobRunner gives each attempt one", nameof(request));
        var outputDirectory = Path.Combine(request.RunsDirectory, job.Name, runId);
        RunLog log;
        try
        {
            Directory.CreateDirectory(outputDirectory);
            log = new RunLog(Path.Combine(outputDirectory, RunLog.FileName), request.Console, request.ConsoleLevel, _time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing ran: the machine cannot keep the run's log and outputs (a full or read-only disk).
            return new RunResult
            {
                RunId = runId,
                JobName = job.Name,
                Status = RunStatus.Failed,
                ExitCode = ExitCodes.EnvironmentError,
                StartedAt = startedAt,
                EndedAt = _time.GetUtcNow(),
                ErrorSummary = $"the run's folder '{outputDirectory}' cannot be written ({exception.Message}); nothing was run",
                OutputDirectory = outputDirectory,
                Error = exception,
            };
        }

        using var runLog = log;
        log.RunStarted(runId, job.Name, job.Body.Kind, request.Profile?.Name ?? "none", FormatDuration(job.Timeout));

        var context = new JobContext(job.Name, runId, request.Parameters, outputDirectory);
        var (session, connectionFailure) = await ConnectAsync(request.Profile, interrupt);
        foreach (var warning in session?.ConnectionWarnings ?? [])
        {
            log.ConnectionWarning(warning);
        }

        var (status, exitCode, summary, diagnostics, error) = connectionFailure is not null
            ? ConnectionFailed(job, connectionFailure, log)
            : await ExecuteAsync(job, new BodyRunRequest(context, log, session?.ForRun(log), job.ErrorAction), request.Profile?.Name, log, interrupt);

        var endedAt = _time.GetUtcNow();
        var result = new RunResult
        {
            RunId = runId,
            JobName = job.Name,
            Status = status,
            ExitCode = exitCode,
            StartedAt = startedAt,
            EndedAt = endedAt,
            ErrorSummary = summary,
            OutputDirectory = outputDirectory,
            Diagnostics = diagnostics,
            Error = error,
        };
        var level = status == RunStatus.Succeeded ? LogLevel.Information : LogLevel.Error;
        log.RunEnded(level, runId, job.Name, status, FormatDuration(result.Duration), exitCode);
        return result;
    }

    private async Task<RunEnding> ExecuteAsync(
        JobDefinition job,
        BodyRunRequest bodyRequest,
        string? profileName,
        ILogger log,
        CancellationToken interrupt)
    {
        var engine = _engines.EngineFor(job.Body.Language);
        using var timeout = new CancellationTokenSource(job.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(interrupt, timeout.Token);

        // The body runs on its own task so that one which blocks synchronously cannot hold this method hostage.
        var bodyTask = Task.Run(() => engine.RunAsync(job.Body, bodyRequest, linked.Token), CancellationToken.None);
        var ended = await WaitForBodyAsync(bodyTask, linked.Token);

        if (ended && bodyTask.IsCompletedSuccessfully)
        {
            var outcome = bodyTask.Result;
            return Classify(job, outcome, profileName, log, canceledBy: CancellationReason(interrupt, timeout.Token));
        }

        var reason = CancellationReason(interrupt, timeout.Token);
        if (ended && bodyTask.IsFaulted && reason is null)
        {
            var error = bodyTask.Exception!.GetBaseException();
            return Failed(job, error, error.Message, where: string.Empty, [], profileName, log);
        }

        if (!ended)
        {
            log.JobAbandoned(job.Name, FormatDuration(CancellationGracePeriod));
            ObserveLateFailure(bodyTask);
        }

        return reason == RunStatus.TimedOut
            ? TimedOut(job, log)
            : Interrupted(job, log);
    }

    private static RunEnding Classify(
        JobDefinition job,
        BodyOutcome outcome,
        string? profileName,
        ILogger log,
        RunStatus? canceledBy)
    {
        switch (outcome.Kind)
        {
            case BodyOutcomeKind.Invalid:
                foreach (var diagnostic in outcome.Diagnostics)
                {
                    log.BodyDiagnostic(diagnostic.IsError ? LogLevel.Error : LogLevel.Warning, diagnostic.ToString());
                }

                var errors = outcome.Diagnostics.Count(d => d.IsError);
                var summary = string.Create(CultureInfo.InvariantCulture, $"the body has {errors} error(s) and did not run");
                log.BodyRefused(job.Name, summary);
                return (RunStatus.Failed, ExitCodes.InvalidBody, summary, outcome.Diagnostics, null);

            case BodyOutcomeKind.InstallationBroken:
                var broken = outcome.ErrorMessage ?? "this installation of exojobs cannot run the body";
                log.InstallationBroken(job.Name, broken);
                return (RunStatus.Failed, ExitCodes.InstallationBroken, broken, [], outcome.Error);

            case BodyOutcomeKind.Failed when canceledBy == RunStatus.TimedOut:
                return TimedOut(job, log);

            case BodyOutcomeKind.Failed when canceledBy == RunStatus.Canceled:
                return Interrupted(job, log);

            case BodyOutcomeKind.Failed:
                LogWarnings(outcome, log);
                var message = outcome.ErrorMessage ?? outcome.Error?.Message ?? "the job failed";
                var where = outcome.ErrorLocation is null ? string.Empty : $" at {outcome.ErrorLocation}";
                return Failed(job, outcome.Error, message, where, outcome.Diagnostics, profileName, log, outcome.ExitCode);

            case BodyOutcomeKind.CompletedWithErrors:
                LogWarnings(outcome, log);
                var errorsSummary = outcome.ErrorMessage ?? "the body wrote errors";
                log.JobCompletedWithErrors(job.Name, errorsSummary);
                return (RunStatus.CompletedWithErrors, ExitCodes.CompletedWithErrors, errorsSummary, outcome.Diagnostics, null);

            default:
                LogWarnings(outcome, log);
                return (RunStatus.Succeeded, ExitCodes.Succeeded, null, outcome.Diagnostics, null);
        }
    }

    /// <summary>
    /// A body that failed. Exchange's refusal of the app (403, or a 401 that survived a fresh token) is reported as what
    /// it is — a set-up problem, exit code 5, with the cmdlet, Exchange's message and the doctor to run — not as a
    /// failure of the job's own code; so is a token refused after the session connected. Otherwise the run exits with
    /// the body's own <c>exit N</c> / <c>return N</c> (N not one of exojobs' codes, see <see cref="BodyExitCode"/>), or 1.
    /// </summary>
    private static RunEnding Failed(
        JobDefinition job,
        Exception? error,
        string message,
        string where,
        IReadOnlyList<ExoDiagnostic> diagnostics,
        string? profileName,
        ILogger log,
        int? requestedExitCode = null)
    {
        var refusal = ExchangeRefusal.Find(error);
        if (refusal is not null)
        {
            message = ExchangeRefusal.Describe(refusal, profileName);
        }

        log.JobFailed(error, job.Name, where, message);
        var exitCode = error is ExchangeConnectionException || refusal is not null ? ExitCodes.ConnectionFailed : ExitCodes.JobFailed;
        if (exitCode == ExitCodes.JobFailed && requestedExitCode is { } requested)
        {
            (exitCode, var reason) = BodyExitCode.Map(requested);
            if (reason is not null)
            {
                log.ExitCodeMapped(requested, reason);
            }
        }

        return (RunStatus.Failed, exitCode, message, diagnostics, error);
    }

    private static void LogWarnings(BodyOutcome outcome, ILogger log)
    {
        foreach (var diagnostic in outcome.Diagnostics)
        {
            log.BodyDiagnostic(LogLevel.Warning, diagnostic.ToString());
        }
    }

    /// <summary>
    /// Connects the profile's shared session before the body starts, so a bad certificate or a refused token is reported
    /// as what it is (exit code 5) rather than as a failure of the job's own code.
    /// </summary>
    private async Task<(ExchangeSession? Session, ExchangeConnectionException? Failure)> ConnectAsync(ConnectionProfile? profile, CancellationToken interrupt)
    {
        if (profile is null || _sessions is null)
        {
            return (null, null);
        }

        try
        {
            return (await _sessions(profile, interrupt), null);
        }
        catch (ExchangeConnectionException failure)
        {
            return (null, failure);
        }
    }

    private static RunEnding ConnectionFailed(
        JobDefinition job,
        ExchangeConnectionException failure,
        ILogger log)
    {
        log.ConnectionFailed(job.Name, failure.Message);
        return (RunStatus.Failed, ExitCodes.ConnectionFailed, failure.Message, [], failure);
    }

    private static RunEnding TimedOut(JobDefinition job, ILogger log)
    {
        var summary = $"timed out after {FormatDuration(job.Timeout)}";
        log.JobTimedOut(job.Name, FormatDuration(job.Timeout));
        return (RunStatus.TimedOut, ExitCodes.TimedOut, summary, [], null);
    }

    private static RunEnding Interrupted(JobDefinition job, ILogger log)
    {
        const string summary = "interrupted (Ctrl+C or SIGTERM)";
        log.JobInterrupted(job.Name);
        return (RunStatus.Canceled, ExitCodes.Interrupted, summary, [], null);
    }

    /// <summary>Waits for the body; once canceled, waits at most the grace period. False when the body was abandoned.</summary>
    private async Task<bool> WaitForBodyAsync(Task bodyTask, CancellationToken canceled)
    {
        var cancellation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (canceled.Register(() => cancellation.TrySetResult()))
        {
            if (await Task.WhenAny(bodyTask, cancellation.Task) == bodyTask)
            {
                return true;
            }
        }

        var grace = Task.Delay(CancellationGracePeriod, _time, CancellationToken.None);
        return await Task.WhenAny(bodyTask, grace) == bodyTask;
    }

    /// <summary>An abandoned body may still fault later; observe it so it never surfaces as an unobserved exception.</summary>
    private static void ObserveLateFailure(Task bodyTask) =>
        bodyTask.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static RunStatus? CancellationReason(CancellationToken interrupt, CancellationToken timeout) =>
        interrupt.IsCancellationRequested ? RunStatus.Canceled
        : timeout.IsCancellationRequested ? RunStatus.TimedOut
        : null;

    /// <summary>Durations as a person writes them: <c>2.5s</c>, <c>15m</c>, <c>1h 30m</c>, <c>2m 5s</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration.TotalSeconds < 60)
        {
            return duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s";
        }

        var parts = new List<string>(3);
        if ((int)duration.TotalHours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h"));
        }

        if (duration.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m"));
        }

        if (duration.Seconds > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds}s"));
        }

        return string.Join(' ', parts);
    }
}
