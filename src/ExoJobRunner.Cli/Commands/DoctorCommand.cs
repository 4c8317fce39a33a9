using System.CommandLine;
using System.Text;
using ExoJobRunner.Cli.Hosting;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs doctor [--profile name] [--format text|json]</c>: checks a profile's set-up one step at a time and stops
/// at the first failure with its cause and fix. The checks live in Core (the configuration) and Exchange (the
/// connection); this verb puts them in order and prints them.
/// </summary>
internal static class DoctorCommand
{
    private const string TextFormat = "text";
    private const string JsonFormat = "json";

    private static readonly Option<string?> ProfileOption = new("--profile")
    {
        Description = "The profile to check (default: defaults: profile:, or the only profile).",
    };

    private static readonly Option<string> FormatOption = CreateFormatOption();

    public static Command Create(InterruptSignal interrupt, TimeProvider time)
    {
        var command = new Command(
            "doctor",
            "Checks a profile's set-up step by step and stops at the first failure with its cause and fix.")
        {
            ProfileOption,
            FormatOption,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, time, interrupt.Token));
        return command;
    }

    private static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "text: one line per check, with cause and fix under a failure; json: the whole report, for monitoring.",
            DefaultValueFactory = _ => TextFormat,
        };
        option.AcceptOnlyFromAmong(TextFormat, JsonFormat);
        return option;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, TimeProvider time, CancellationToken cancellationToken)
    {
        var json = parseResult.GetValue(FormatOption) == JsonFormat;
        var plain = Console.IsOutputRedirected;
        if (!plain)
        {
            // ✓ and ✗ need a console that takes UTF-8 (a Windows console's legacy code page would show '?').
            Console.OutputEncoding = Encoding.UTF8;
        }

        var writer = new DoctorReportWriter(Console.Out, plain);
        var configuration = new ConfigurationCheck(ConfigurationReader.ResolvePath(parseResult), parseResult.GetValue(ProfileOption));

        // The doctor connects exactly as runs do: the same composition, of which it only asks for the connection options.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddExoJobRunner(time, useScriptCache: false)
            .BuildServiceProvider();
        await using var connection = new ConnectionChecks(
            () => configuration.Profile?.ToConnectionSettings(),
            services.GetRequiredService<ExchangeSessionPoolOptions>());
        DoctorCheck[] checks = [configuration, .. connection.Checks];

        var report = await DoctorRunner.RunAsync(checks, json ? null : writer.WriteEntry, cancellationToken);
        var exitCode = DoctorExitCode.Of(report);
        if (json)
        {
            await using var stream = Console.OpenStandardOutput();
            await DoctorReportWriter.WriteJsonAsync(stream, report, configuration.Profile?.Name, exitCode);
        }
        else
        {
            writer.WriteConclusion(report, exitCode);
        }

        return exitCode;
    }
}
