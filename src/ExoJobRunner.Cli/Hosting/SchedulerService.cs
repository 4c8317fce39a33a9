using ExoJobRunner.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExoJobRunner.Cli.Hosting;

/// <summary>
/// The scheduler as a hosted service: the host (console, systemd or Windows service) starts it and, on SIGTERM,
/// Ctrl+C or a service stop, cancels <c>stoppingToken</c>, which stops the scheduler gracefully.
/// </summary>
internal sealed class SchedulerService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly IHostApplicationLifetime _lifetime;

    public SchedulerService(IServiceProvider services, IHostApplicationLifetime lifetime)
    {
        _services = services;
        _lifetime = lifetime;
    }

    /// <summary>Set when the scheduler itself failed (not a job: jobs never fail the scheduler); the process then exits non-zero.</summary>
    public Exception? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Resolved here rather than injected, so that a failure to build it is the scheduler's reported failure too.
            var scheduler = _services.GetRequiredService<JobScheduler>();
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
