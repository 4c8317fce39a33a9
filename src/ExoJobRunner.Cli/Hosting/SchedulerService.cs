using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Sandbox.Connection;
using ExoJobRunner.Scripting.CSharp.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Cli.Hosting;

/// <summary>
/// The scheduler as a hosted service: the host (console, systemd or Windows service) starts it and, on SIGTERM,
/// Ctrl+C or a service stop, cancels <c>stoppingToken</c>, which stops the scheduler gracefully.
/// </summary>
internal sealed class SchedulerService : BackgroundService
{
    private readonly RunnerConfiguration _configuration;
    private readonly HistoryStore _history;
    private readonly ILogger _log;
    private readonly IHostApplicationLifetime _lifetime;

    public SchedulerService(RunnerConfiguration configuration, HistoryStore history, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        _configuration = configuration;
        _history = history;
        _log = loggers.CreateLogger("exojobs");
        _lifetime = lifetime;
    }

    /// <summary>Set when the scheduler itself failed (not a job: jobs never fail the scheduler); the process then exits non-zero.</summary>
    public Exception? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var engines = new BodyEngines(new CompiledScriptCache(CompiledScriptCache.DefaultDirectory()));

            // Only the engines the scheduled jobs need: a scheduler of C# jobs never starts PowerShell.
            var languages = _configuration.Jobs
                .Where(job => job.Enabled && job.Schedule is not null)
                .Select(job => job.Body.Language)
                .Distinct()
                .Select(engines.For)
                .ToList();
            var time = TimeProvider.System;
            // One session per profile for the scheduler's whole life: every run of every job shares it.
            await using var sessions = new ExchangeSessionPool(new ExchangeSessionPoolOptions { Logger = _log, Environments = SandboxEnvironments.All() });
            using var notifications = new NotificationDispatcher(time);
            var runner = new RecordedJobRunner(
                new JobRunner(
                    languages,
                    (profile, cancellationToken) => sessions.GetSessionAsync(profile.ToConnectionSettings(), cancellationToken),
                    time),
                _history,
                _configuration.History,
                notifications,
                ExchangeTransientFaults.Instance,
                time,
                _log);
            var options = new SchedulerOptions
            {
                Jobs = _configuration.Jobs,
                MaxConcurrentRuns = _configuration.Defaults.MaxConcurrentRuns,
                History = _configuration.History,
                LocksDirectory = JobLock.DirectoryFor(_configuration.History.DatabasePath),
            };
            using var scheduler = new JobScheduler(options, _history, new RecordedScheduledRunner(runner, _configuration), time, _log);
            await scheduler.RunAsync(stoppingToken);
        }
#pragma warning disable CA1031 // The scheduler's own failure (its history unwritable, say) is reported and ends the process with a code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failure = exception;
            _lifetime.StopApplication();
        }
    }
}
