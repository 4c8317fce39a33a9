using System.CommandLine;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Cli.Commands;

/// <summary><c>exojobs check [job...]</c>: compiles or parses every body without running it.</summary>
internal static class CheckCommand
{
    private static readonly Argument<string[]> JobsArgument = new("job")
    {
        Description = "The jobs to check (default: all).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create(InterruptSignal interrupt)
    {
        var command = new Command("check", "Compiles and analyses job bodies without running them; exits 3 on any error.") { JobsArgument };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, interrupt.Token));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var names = parseResult.GetValue(JobsArgument) ?? [];
        var jobs = names.Length == 0 ? configuration.Jobs.ToList() : [];
        foreach (var name in names)
        {
            var job = configuration.FindJob(name);
            if (job is null)
            {
                await Console.Error.WriteLineAsync(CliErrors.UnknownJob(name, configuration));
                return ExitCodes.UsageOrConfiguration;
            }

            jobs.Add(job);
        }

        await using var engines = new BodyEngines();
        var findings = new List<ExoDiagnostic>();
        foreach (var job in jobs)
        {
            var diagnostics = await engines.For(job.Body.Language).CheckAsync(job.Body, cancellationToken);
            findings.AddRange(diagnostics);
        }

        // Two jobs may share a #load'ed helper: report each finding once.
        foreach (var diagnostic in findings.Distinct())
        {
            await Console.Out.WriteLineAsync(diagnostic.ToString());
        }

        var errors = findings.Distinct().Count(d => d.IsError);
        var warnings = findings.Distinct().Count(d => !d.IsError);
        await Console.Error.WriteLineAsync($"Checked {jobs.Count} job(s): {errors} error(s), {warnings} warning(s).");
        return errors > 0 ? ExitCodes.InvalidBody : ExitCodes.Succeeded;
    }
}
