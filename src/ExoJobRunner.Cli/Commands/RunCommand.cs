using System.CommandLine;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Sandbox.Connection;
using ExoJobRunner.Scripting.CSharp.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs run &lt;job&gt; [--param name=value]... [--profile name] [--no-cache]</c>: runs one job now.</summary>
internal static class RunCommand
{
    private static readonly Argument<string> JobArgument = new("job") { Description = "The job to run (its name, see 'exojobs list')." };

    private static readonly Option<string[]> ParamOption = new("--param", "-p")
    {
        Description = "Overrides a parameter: name=value (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> ProfileOption = new("--profile") { Description = "Runs against this connection profile instead of the job's." };

    private static readonly Option<bool> VerboseOption = new("--verbose", "-v") { Description = "Also shows debug-level log lines on the console." };

    private static readonly Option<bool> NoCacheOption = new("--no-cache")
    {
        Description = $"Compiles a C# body afresh instead of using the compiled-script cache (${CompiledScriptCache.DirectoryVariable}, else the user's cache folder).",
    };

    public static Command Create(InterruptSignal interrupt)
    {
        var command = new Command("run", "Runs one job now, streams its log and exits with the job's exit code.")
        {
            JobArgument,
            ParamOption,
            ProfileOption,
            VerboseOption,
            NoCacheOption,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, interrupt.Token));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken interrupt)
    {
        var error = Console.Error;
        var configuration = ConfigurationReader.Load(parseResult, error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var jobName = parseResult.GetRequiredValue(JobArgument);
        var job = configuration.FindJob(jobName);
        if (job is null)
        {
            await error.WriteLineAsync(CliErrors.UnknownJob(jobName, configuration));
            return ExitCodes.UsageOrConfiguration;
        }

        var overrides = new List<KeyValuePair<string, string>>();
        foreach (var text in parseResult.GetValue(ParamOption) ?? [])
        {
            if (!JobParameters.TryParseAssignment(text, out var assignment))
            {
                await error.WriteLineAsync($"exojobs: --param expects name=value, got '{text}'.");
                return ExitCodes.UsageOrConfiguration;
            }

            overrides.Add(assignment);
        }

        var (parameters, parameterError) = JobParameters.Merge(job, overrides);
        if (parameters is null)
        {
            await error.WriteLineAsync("exojobs: " + parameterError);
            return ExitCodes.UsageOrConfiguration;
        }

        var profileName = parseResult.GetValue(ProfileOption) ?? job.ProfileName;
        Core.Configuration.ConnectionProfile? profile = null;
        if (profileName is not null && !configuration.Profiles.TryGetValue(profileName, out profile))
        {
            await error.WriteLineAsync(CliErrors.UnknownProfile(profileName, configuration));
            return ExitCodes.UsageOrConfiguration;
        }

        var history = await HistoryAccess.OpenAsync(configuration, error, CancellationToken.None);
        if (history is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        // Users who keep Task Scheduler or cron as their scheduler never start `exojobs scheduler`, so a run left
        // Running by a crashed `exojobs run` is settled here too.
        await history.MarkAbandonedAsync(TimeProvider.System.GetUtcNow(), CancellationToken.None);

        // The scheduler takes the same lock, so the two never run one job at once on this machine. A refusal is
        // exit code 1: this run of the job did not happen, which is what Task Scheduler and CI should report.
        var runId = HistoryRunIds.Create(TimeProvider.System.GetUtcNow());
        using var jobLock = JobLock.TryAcquire(
            JobLock.DirectoryFor(configuration.History.DatabasePath),
            job.Name,
            JobLockHolder.ThisProcess(runId, TimeProvider.System.GetUtcNow()),
            out var holder);
        if (jobLock is null)
        {
            var who = holder?.DescribeFor(job.Name) ?? $"job '{job.Name}' is already running in another process";
            await error.WriteLineAsync($"exojobs: {who}; nothing was run.");
            return ExitCodes.JobFailed;
        }

        var cache = parseResult.GetValue(NoCacheOption) ? null : new CompiledScriptCache(CompiledScriptCache.DefaultDirectory());
        await using var engines = new BodyEngines(cache);

        // Only the engine of this job's language: a C# run must not pay for starting PowerShell.
        await using var sessions = new ExchangeSessionPool(new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All() });
        using var notifications = new NotificationDispatcher(TimeProvider.System);
        var runner = new RecordedJobRunner(
            new JobRunner(
                [engines.For(job.Body.Language)],
                (connectionProfile, cancellationToken) => sessions.GetSessionAsync(connectionProfile.ToConnectionSettings(), cancellationToken),
                TimeProvider.System),
            history,
            configuration.History,
            notifications,
            ExchangeTransientFaults.Instance,
            TimeProvider.System,
            NullLogger.Instance);
        var result = await runner.RunAsync(
            new RunRequest
            {
                Job = job,
                Parameters = parameters,
                Profile = profile,
                RunsDirectory = configuration.History.RunsDirectory,
                Console = Console.Out,
                ConsoleLevel = parseResult.GetValue(VerboseOption) ? LogLevel.Debug : LogLevel.Information,
                RunId = runId,
                Trigger = RunTrigger.Manual,
            },
            jobLock,
            interrupt);

        await Console.Out.WriteLineAsync($"Run {result.RunId}: {result.Status}; log and outputs in {result.OutputDirectory}");
        return result.ExitCode;
    }
}
