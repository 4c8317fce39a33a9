using System.Diagnostics;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>Finds where in the user's files an exception thrown by a C# body was raised.</summary>
internal static class ScriptExceptionLocator
{
    /// <summary>
    /// The innermost stack frame that lies in the body or one of its <c>#load</c>ed files, or null when none does
    /// (for example, an exception raised before the script's first statement).
    /// </summary>
    /// <remarks>
    /// The frame closest to the throw is the one to report: for <c>File.ReadAllText("missing.csv")</c> the
    /// frames above the script are the BCL's, and the user wants the line that made the call.
    /// </remarks>
    public static SourceLocation? Locate(Exception exception, CompiledScript script, JobBody body)
    {
        var stackTrace = new StackTrace(exception, fNeedFileInfo: true);
        foreach (var frame in stackTrace.GetFrames())
        {
            var path = frame.GetFileName();
            var line = frame.GetFileLineNumber();
            if (path is null || line <= 0 || !script.SourcePaths.Contains(path, StringComparer.Ordinal))
            {
                continue;
            }

            var column = Math.Max(frame.GetFileColumnNumber(), 1);
            return string.Equals(path, body.FilePath, StringComparison.Ordinal)
                ? body.MapLocation(line, column)
                : new SourceLocation(path, line, column);
        }

        return null;
    }
}
