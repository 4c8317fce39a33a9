using System.CommandLine;
using System.Reflection;
using System.Text;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting;
using ExoJobRunner.Scripting.Analysis.Reporting;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs check [job...] [--format text|sarif] [--output file] [--warnaserror]</c>: compiles or parses every body
/// and runs the rules on it, without running anything.
/// </summary>
internal static class CheckCommand
{
    private const string TextFormat = "text";
    private const string SarifFormat = "sarif";

    private static readonly Argument<string[]> JobsArgument = new("job")
    {
        Description = "The jobs to check (default: all).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> FormatOption = CreateFormatOption();

    private static readonly Option<FileInfo?> OutputOption = new("--output", "-o")
    {
        Description = "Writes the diagnostics to this file instead of standard output.",
    };

    private static readonly Option<bool> WarnAsErrorOption = new("--warnaserror")
    {
        Description = "Treats warnings as errors: they are reported as errors and make the check exit with 3.",
    };

    public static Command Create(InterruptSignal interrupt)
    {
        var command = new Command("check", "Compiles and analyses job bodies without running them; exits 3 on any error.")
        {
            JobsArgument,
            FormatOption,
            OutputOption,
            WarnAsErrorOption,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, interrupt.Token));
        return command;
    }

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "text: one 'path(line,col): error ID: message' line per problem; sarif: a SARIF 2.1.0 log for code scanning.",
            DefaultValueFactory = _ => TextFormat,
        };
        option.AcceptOnlyFromAmong(TextFormat, SarifFormat);
        return option;
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

        // A check always compiles: it must report every warning, and cache entries exist only for bodies without errors.
        await using var engines = new BodyEngines(cache: null);
        var findings = new List<ExoDiagnostic>();
        foreach (var job in jobs)
        {
            findings.AddRange(await engines.EngineFor(job.Body.Language).CheckAsync(job.Body, cancellationToken));
        }

        // Two jobs may share a #load'ed helper (and a rules: entry under defaults:): report each finding once.
        var warningsAsErrors = parseResult.GetValue(WarnAsErrorOption);
        var diagnostics = findings
            .Select(diagnostic => warningsAsErrors ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic)
            .Distinct()
            .ToList();

        if (!await TryWriteAsync(parseResult, diagnostics))
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        await Console.Error.WriteLineAsync($"Checked {jobs.Count} job(s): {errors} error(s), {warnings} warning(s).");
        return errors > 0 ? ExitCodes.InvalidBody : ExitCodes.Succeeded;
    }

    /// <summary>Writes the diagnostics in the chosen format to standard output or the --output file; false (reported) when the file cannot be written.</summary>
    private static async Task<bool> TryWriteAsync(ParseResult parseResult, IReadOnlyList<ExoDiagnostic> diagnostics)
    {
        var output = parseResult.GetValue(OutputOption);
        try
        {
            await using var stream = output is null ? Console.OpenStandardOutput() : output.Create();
            if (parseResult.GetValue(FormatOption) == SarifFormat)
            {
                SarifReportWriter.Write(stream, diagnostics, Directory.GetCurrentDirectory(), ToolVersion());
                await stream.WriteAsync("\n"u8.ToArray());
            }
            else
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                foreach (var diagnostic in diagnostics)
                {
                    await writer.WriteLineAsync(diagnostic.ToString());
                }
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"exojobs: cannot write '{output?.FullName}': {exception.Message}; choose another --output path.");
            return false;
        }
    }

    private static string ToolVersion() =>
        typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CheckCommand).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
