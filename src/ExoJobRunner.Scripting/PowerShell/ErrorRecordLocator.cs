using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>Finds where in the user's files an error was raised.</summary>
internal static partial class ErrorRecordLocator
{
    /// <summary>
    /// The error's position: in the body it is mapped through <see cref="JobBody.MapLocation"/> (so an inline body
    /// reports its YAML line); in a dot-sourced file it is that file's own line. Null when no user file is involved.
    /// </summary>
    public static SourceLocation? Locate(ErrorRecord record, JobBody body)
    {
        if (record.InvocationInfo is { ScriptName.Length: > 0, ScriptLineNumber: > 0 } invocation)
        {
            return InUserFile(body, invocation.ScriptName, invocation.ScriptLineNumber, Math.Max(invocation.OffsetInLine, 1));
        }

        // Write-Error points its InvocationInfo at whoever invoked the script (for a body, the engine's own
        // one-line launcher, which has no file), so the statement's position survives only in the script stack
        // trace. PowerShell is not localized, so the frame format is stable: "at <ScriptBlock>, /jobs/a.ps1: line 4".
        return FirstFileFrame(record.ScriptStackTrace, body);
    }

    private static SourceLocation? FirstFileFrame(string? scriptStackTrace, JobBody body)
    {
        if (string.IsNullOrEmpty(scriptStackTrace))
        {
            return null;
        }

        foreach (var frame in scriptStackTrace.Split('\n', StringSplitOptions.TrimEntries))
        {
            var match = StackFrame().Match(frame);
            if (match.Success
                && Path.IsPathRooted(match.Groups["file"].Value)
                && int.TryParse(match.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                return InUserFile(body, match.Groups["file"].Value, line, column: 1);
            }
        }

        return null;
    }

    private static SourceLocation InUserFile(JobBody body, string file, int line, int column) =>
        string.Equals(file, body.FilePath, StringComparison.Ordinal)
            ? body.MapLocation(line, column)
            : new SourceLocation(file, line, column);

    [GeneratedRegex(@"^at [^,]*, (?<file>.+): line (?<line>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();
}
