using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Doctor;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>
/// Prints the doctor's report: one line per check as it ends (✓ passed, ! warning, ✗ failed, - not run; [ok], [warn],
/// [fail], [skip] when output is redirected to a log), with "Cause:" and "Fix:" lines under a warning or a failure,
/// then a closing line with the exit code. Or, for monitoring, the whole report as one JSON document.
/// </summary>
internal sealed class DoctorReportWriter(TextWriter output, bool plain)
{
    private const string Indent = "    ";

    public void WriteEntry(DoctorEntry entry)
    {
        output.WriteLine($"{Mark(entry.Result.Status)} {entry.Name}: {entry.Result.Summary}");
        WriteDetail("Cause: ", entry.Result.Cause);
        WriteDetail("Fix:   ", entry.Result.Fix);
    }

    public void WriteConclusion(DoctorReport report, int exitCode)
    {
        if (report.Failure is { } failure)
        {
            var notRun = report.Entries.Count(entry => entry.Result.Status == DoctorCheckStatus.NotRun);
            var skipped = notRun == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {notRun} later check(s) not run");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped at '{failure.Name}'{skipped}; exit code {exitCode}."));
            return;
        }

        var warnings = report.WarningCount == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", {report.WarningCount} with a warning");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {report.Entries.Count} checks passed{warnings}; exit code {exitCode}."));
    }

    public static async Task WriteJsonAsync(Stream stream, DoctorReport report, string? profile, int exitCode)
    {
        var document = new JsonReport(
            profile,
            report.Passed,
            exitCode,
            [.. report.Entries.Select(entry => new JsonCheck(entry.Name, entry.Result.Status, entry.Result.Summary, entry.Result.Cause, entry.Result.Fix))]);
        await JsonSerializer.SerializeAsync(stream, document, CliJson.Options);
        await stream.WriteAsync("\n"u8.ToArray());
    }

    private void WriteDetail(string label, string? text)
    {
        if (text is null)
        {
            return;
        }

        // A multi-line cause (several configuration errors) keeps its lines under the label, aligned.
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        output.WriteLine(Indent + label + lines[0]);
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(Indent + new string(' ', label.Length) + line);
        }
    }

    private string Mark(DoctorCheckStatus status) => (status, plain) switch
    {
        (DoctorCheckStatus.Passed, false) => "✓",
        (DoctorCheckStatus.Warning, false) => "!",
        (DoctorCheckStatus.Failed, false) => "✗",
        (_, false) => "-",
        (DoctorCheckStatus.Passed, true) => "[ok]  ",
        (DoctorCheckStatus.Warning, true) => "[warn]",
        (DoctorCheckStatus.Failed, true) => "[fail]",
        _ => "[skip]",
    };

    private sealed record JsonReport(string? Profile, bool Passed, int ExitCode, IReadOnlyList<JsonCheck> Checks);

    private sealed record JsonCheck(string Name, DoctorCheckStatus Status, string Summary, string? Cause, string? Fix);
}
