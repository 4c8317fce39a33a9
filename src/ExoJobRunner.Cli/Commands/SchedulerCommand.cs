using System.CommandLine;
using ExoJobRunner.Cli.Hosting;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs scheduler</c>: runs every enabled job on its schedule until stopped. Under systemd it speaks the
/// notify protocol and logs in journald's format; as a Windows service it answers the service manager.
/// </summary>
internal static class SchedulerCommand
{
    /// <summary>The Windows service name <c>sc.exe create</c> should use.</summary>
    public const string ServiceName = "exojobs";

    /// <summary>How long the host lets the scheduler stop: its own grace period for runs, plus time to record them.</summary>
    public static readonly TimeSpan ShutdownTimeout = JobScheduler.ShutdownGracePeriod + TimeSpan.FromSeconds(5);

    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Also logs each job's next occurrence and other debug lines." };

    public static Command Create(InterruptSignal interrupt, TimeProvider time)
    {
        var command = new Command("scheduler", "Runs every enabled job on its schedule until Ctrl+C, SIGTERM or a service stop; exits 0 after a graceful stop.")
        {
            VerboseOption,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, time, interrupt.Token));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, TimeProvider time, CancellationToken interrupt)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        // A scheduler runs for months: the one full read of the database is worth it here, before anything is written.
        var history = await HistoryAccess.OpenAsync(configuration, time, Console.Error, CancellationToken.None, forScheduler: true);
        if (history is null)
        {
            return ExitCodes.EnvironmentError;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = ServiceName,
            ContentRootPath = configuration.BaseDirectory,
        });
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:sszzz ";
        });
        builder.Logging.SetMinimumLevel(parseResult.GetValue(VerboseOption) ? LogLevel.Debug : LogLevel.Information);

        // Each is a no-op unless the process was started by its service manager: systemd (Type=notify, journald
        // format) or the Windows service control manager.
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(service => service.ServiceName = ServiceName);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddExoJobRunner(time, useScriptCache: true).AddJobConfiguration(configuration, history);
        builder.Services.AddSingleton<SchedulerService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SchedulerService>());

        using var host = builder.Build();
        var service = host.Services.GetRequiredService<SchedulerService>();
        await host.RunAsync(interrupt);

        var failure = service.Failure;
        if (failure is null)
        {
            return ExitCodes.Succeeded;
        }

        await Console.Error.WriteLineAsync("exojobs: the scheduler stopped: " + failure.Message);
        return failure is HistoryDatabaseException ? ExitCodes.EnvironmentError : ExitCodes.JobFailed;
    }
}
