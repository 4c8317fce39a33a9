using System.CommandLine;
using ExoJobRunner.Cli;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;

using var interrupt = new InterruptSignal();
var root = ExojobsCommandLine.Create(interrupt, TimeProvider.System);
var parseResult = root.Parse(args);

// A usage error is exit code 2 (not System.CommandLine's 1): scripts and Task Scheduler tell it from a failed job.
if (parseResult.Errors.Count > 0)
{
    foreach (var parseError in parseResult.Errors)
    {
        await Console.Error.WriteLineAsync("exojobs: " + parseError.Message);
    }

    await Console.Error.WriteLineAsync("Run 'exojobs --help' for usage.");
    return ExitCodes.UsageOrConfiguration;
}

try
{
    // Signals are handled by InterruptSignal so a running job is canceled and recorded rather than killed.
    return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
{
    return ExitCodes.Interrupted;
}
catch (HistoryDatabaseException problem)
{
    // Whichever verb met it, and however far it got: the history store became unusable (damaged, full, read-only).
    await Console.Error.WriteLineAsync("exojobs: " + problem.Message);
    return ExitCodes.EnvironmentError;
}
#pragma warning disable CA1031 // The last line of defence: a bug must still end with a message and a documented code, not a stack trace.
catch (Exception exception)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"exojobs: internal error: {exception.Message}");
    if (Environment.GetEnvironmentVariable("EXOJOBS_DEBUG") is "1" or "true")
    {
        await Console.Error.WriteLineAsync(exception.ToString());
    }
    else
    {
        await Console.Error.WriteLineAsync("Set EXOJOBS_DEBUG=1 for details, and please report it.");
    }

    return ExitCodes.JobFailed;
}
