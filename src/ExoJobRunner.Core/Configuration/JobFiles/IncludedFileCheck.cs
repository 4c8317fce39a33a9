using ExoJobRunner.Core.Configuration.Files;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Configuration.JobFiles;

/// <summary>
/// Holds every file a body includes, and every file those include, to the rules bodies follow: inside the folder of
/// exojobs.yaml once links are followed, regular, at most <see cref="ConfigurationLimits.MaxFileBytes"/>. A refused
/// file is never read. One that does not exist is left to the compiler or parser, which say so at <c>check</c>.
/// </summary>
internal static class IncludedFileCheck
{
    public static void Check(JobBody body, string rootFolder, BodyIncludeFinder findIncludes, ICollection<ExoDiagnostic> diagnostics)
    {
        var what = body.Language == BodyLanguage.CSharp ? "#load'ed file" : "dot-sourced file";
        var visited = new HashSet<string>(StringComparer.Ordinal) { body.FilePath };
        var pending = new Stack<(string Code, string FilePath, Func<int, int, SourceLocation> Locate)>();
        pending.Push((body.Code, body.FilePath, body.MapLocation));
        while (pending.Count > 0)
        {
            var (code, filePath, locate) = pending.Pop();
            foreach (var include in findIncludes(body.Language, code, filePath))
            {
                if (!visited.Add(include.Path))
                {
                    continue;
                }

                var read = UserFileReader.Read(include.Path, what, rootFolder);
                if (read.Text is { } text)
                {
                    pending.Push((text, include.Path, (line, column) => new SourceLocation(include.Path, line, column)));
                }
                else if (!read.IsMissing)
                {
                    diagnostics.Add(ExoDiagnostic.Error(read.Id!, read.Problem!, locate(include.Line, include.Column)));
                }
            }
        }
    }
}
