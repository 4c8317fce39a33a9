using System.CommandLine;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs logs &lt;run-id&gt;</c>: prints a run's log (the <c>run.log</c> in its folder).</summary>
internal static class LogsCommand
{
    private static readonly Argument<string> RunIdArgument = new("run-id") { Description = "The run (its id, or enough of its start to be unique; see 'exojobs history')." };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("logs", "Prints the log of one run.") { RunIdArgument };
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, time, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, TimeProvider time, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var runId = parseResult.GetRequiredValue(RunIdArgument);
        var (history, unusable) = await HistoryAccess.OpenIfPresentAsync(configuration, time, Console.Error, cancellationToken);
        if (unusable)
        {
            return ExitCodes.EnvironmentError;
        }

        var matches = history is null ? [] : await history.FindAsync(runId, cancellationToken);
        switch (matches.Count)
        {
            case 0:
                await Console.Error.WriteLineAsync($"exojobs: no run '{runId}' in {configuration.History.DatabasePath}; 'exojobs history' lists the recorded runs.");
                return ExitCodes.UsageOrConfiguration;
            case > 1:
                await Console.Error.WriteLineAsync($"exojobs: '{runId}' matches several runs ({string.Join(", ", matches.Select(match => match.RunId))}); give more of the id.");
                return ExitCodes.UsageOrConfiguration;
        }

        var run = matches[0];
        if (run.Status == RunStatus.Skipped)
        {
            await Console.Out.WriteLineAsync($"Run {run.RunId} of job '{run.JobName}' did not run: it was skipped because {run.ErrorSummary}.");
            return ExitCodes.Succeeded;
        }

        if (run.Status == RunStatus.Missed)
        {
            await Console.Out.WriteLineAsync($"Occurrence {run.RunId} of job '{run.JobName}' did not run: {run.ErrorSummary}.");
            return ExitCodes.Succeeded;
        }

        var logPath = run.OutputDirectory is null ? null : Path.Combine(run.OutputDirectory, "run.log");
        if (logPath is null || !File.Exists(logPath))
        {
            await Console.Error.WriteLineAsync($"exojobs: the log of run {run.RunId} ({logPath ?? "no folder"}) no longer exists; it may have been deleted by hand.");
            return ExitCodes.JobFailed;
        }

        // Shared for reading: the log of a run still going is being written to.
        await using var log = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(log);
        await Console.Out.WriteAsync(await reader.ReadToEndAsync(cancellationToken));
        return ExitCodes.Succeeded;
    }
}
