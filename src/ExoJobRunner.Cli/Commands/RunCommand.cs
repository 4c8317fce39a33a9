using System.CommandLine;
using ExoJobRunner.Cli.Hosting;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    public static Command Create(InterruptSignal interrupt, TimeProvider time)
    {
        var command = new Command("run", "Runs one job now, streams its log and exits with the job's exit code.")
        {
            JobArgument,
            ParamOption,
            ProfileOption,
            VerboseOption,
            NoCacheOption,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, time, interrupt.Token));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, TimeProvider time, CancellationToken interrupt)
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

        var history = await HistoryAccess.OpenAsync(configuration, time, error, CancellationToken.None);
        if (history is null)
        {
            return ExitCodes.EnvironmentError;
        }

        // The host log stays silent: the run's own log is what the console shows.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddExoJobRunner(time, useScriptCache: !parseResult.GetValue(NoCacheOption))
            .AddJobConfiguration(configuration, history)
            .BuildServiceProvider();

        // The scheduler takes the same lock, so the two never run one job at once on this machine. A refusal is
        // exit code 1: this run of the job did not happen, which is what Task Scheduler and CI should report.
        var runId = services.GetRequiredService<RunIdGenerator>().Next();
        var locks = JobLock.DirectoryFor(configuration.History.DatabasePath);
        JobLock? jobLock;
        JobLockHolder? holder;
        try
        {
            jobLock = JobLock.TryAcquire(locks, job.Name, JobLockHolder.ThisProcess(runId, time.GetUtcNow()), out holder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"exojobs: the lock file of job '{job.Name}' in {locks} cannot be created ({exception.Message}); nothing was run.");
            return ExitCodes.EnvironmentError;
        }

        using var heldLock = jobLock;
        if (jobLock is null)
        {
            var who = holder?.DescribeFor(job.Name) ?? $"job '{job.Name}' is already running in another process";
            await error.WriteLineAsync($"exojobs: {who}; nothing was run.");
            return ExitCodes.JobFailed;
        }

        var runner = services.GetRequiredService<RecordedJobRunner>();
        RunResult result;
        try
        {
            result = await runner.RunAsync(
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
        }
        catch (HistoryDatabaseException problem)
        {
            await error.WriteLineAsync($"exojobs: {problem.Message}; nothing was run.");
            return ExitCodes.EnvironmentError;
        }

        // This process ends now: what the store would not take cannot wait for it to come back, so it is said here.
        var writer = services.GetRequiredService<HistoryWriter>();
        foreach (var kept in writer.Deferred)
        {
            await error.WriteLineAsync(
                $"exojobs: {kept} could not be recorded in history: {writer.Outage?.Message}. The run's row stays Running until the next exojobs command settles it as Abandoned.");
        }

        if (result.ExitCode == ExitCodes.EnvironmentError)
        {
            await error.WriteLineAsync("exojobs: " + result.ErrorSummary);
        }

        await Console.Out.WriteLineAsync($"Run {result.RunId}: {result.Status}; log and outputs in {result.OutputDirectory}");
        return result.ExitCode;
    }
}
