using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Scripting;
using ExoJobRunner.Scripting.CSharp.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Cli.Hosting;

/// <summary>
/// The one composition of exojobs' host: how <c>run</c>, <c>scheduler</c> and <c>doctor</c> get their clock, body
/// engines, Exchange sessions, notifications and runners. Everything is created when first asked for, so a verb
/// pays only for what it uses (a C# run never starts PowerShell, the doctor never builds a runner).
/// </summary>
internal static class JobHostServices
{
    /// <summary>The category of the host's own log lines: the scheduler's console, nothing for <c>exojobs run</c>.</summary>
    public const string LogCategory = "exojobs";

    /// <param name="services">The verb's services; logging must be added (with or without a provider).</param>
    /// <param name="time">The clock of every component: the only place one is chosen.</param>
    /// <param name="useScriptCache">False compiles every C# body afresh (<c>--no-cache</c>).</param>
    public static IServiceCollection AddExoJobRunner(this IServiceCollection services, TimeProvider time, bool useScriptCache)
    {
        services.AddSingleton(time);
        services.AddSingleton(provider => new RunIdGenerator(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => provider.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory));
        services.AddExchangeSessions();
        services.AddSingleton(provider => new BodyEngines(
            useScriptCache ? new CompiledScriptCache(CompiledScriptCache.DefaultDirectory(), provider.GetRequiredService<TimeProvider>()) : null));
        services.AddSingleton<IJobBodyEngines>(provider => provider.GetRequiredService<BodyEngines>());
        services.AddSingleton(provider => new NotificationDispatcher(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider =>
        {
            // One session per profile for the process's whole life: every run of every job shares it.
            var sessions = provider.GetRequiredService<ExchangeSessionPool>();
            return new JobRunner(
                provider.GetRequiredService<IJobBodyEngines>(),
                (profile, cancellationToken) => sessions.GetSessionAsync(profile.ToConnectionSettings(), cancellationToken),
                provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(provider => new HistoryWriter(provider.GetRequiredService<HistoryStore>()));
        services.AddSingleton(provider => new RecordedJobRunner(
            provider.GetRequiredService<JobRunner>(),
            provider.GetRequiredService<HistoryWriter>(),
            provider.GetRequiredService<RunnerConfiguration>().History,
            provider.GetRequiredService<NotificationDispatcher>(),
            ExchangeTransientFaults.Instance,
            provider.GetRequiredService<RunIdGenerator>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger>()));
        services.AddSingleton<IScheduledRunner>(provider => new RecordedScheduledRunner(
            provider.GetRequiredService<RecordedJobRunner>(),
            provider.GetRequiredService<RunnerConfiguration>()));
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<RunnerConfiguration>();
            var options = new SchedulerOptions
            {
                Jobs = configuration.Jobs,
                MaxConcurrentRuns = configuration.Defaults.MaxConcurrentRuns,
                History = configuration.History,
                LocksDirectory = JobLock.DirectoryFor(configuration.History.DatabasePath),
            };
            return new JobScheduler(
                options,
                provider.GetRequiredService<HistoryWriter>(),
                provider.GetRequiredService<IScheduledRunner>(),
                provider.GetRequiredService<RunIdGenerator>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger>());
        });
        return services;
    }

    /// <summary>The configuration and the opened history the runners and the scheduler work on (every verb but the doctor).</summary>
    public static IServiceCollection AddJobConfiguration(this IServiceCollection services, RunnerConfiguration configuration, HistoryStore history) =>
        services.AddSingleton(configuration).AddSingleton(history);
}
