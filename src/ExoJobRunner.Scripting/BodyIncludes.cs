using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.CSharp.Caching;
using ExoJobRunner.Scripting.PowerShell;

namespace ExoJobRunner.Scripting;

/// <summary>
/// The files a body includes, in each language's own terms, for the configuration loader to check (see
/// <see cref="BodyIncludeFinder"/>): C# <c>#load</c>s from the text alone, PowerShell dot-sourcing from its parser,
/// which is only loaded when a PowerShell body is there to read.
/// </summary>
public static class BodyIncludes
{
    public static IReadOnlyList<BodyInclude> Find(BodyLanguage language, string code, string filePath)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(filePath);

        if (language == BodyLanguage.PowerShell)
        {
            return DotSourceScanner.Scan(code, filePath);
        }

        // Roslyn resolves a relative #load against the folder of the file that holds the directive.
        var folder = Path.GetDirectoryName(filePath) ?? Directory.GetCurrentDirectory();
        return [.. LoadDirectiveScanner.Scan(code).Select(directive =>
            new BodyInclude(Path.GetFullPath(directive.Path, folder), directive.Line, directive.Column))];
    }
}
