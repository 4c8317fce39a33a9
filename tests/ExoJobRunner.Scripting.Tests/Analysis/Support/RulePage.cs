using System.Text.RegularExpressions;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Scripting.Tests.Analysis.Support;

/// <summary>One docs/rules page, read the way the drift tests need it: its header facts and its code examples.</summary>
internal sealed partial class RulePage
{
    private RulePage(string path, string[] lines)
    {
        Path = path;
        Lines = lines;
    }

    public string Path { get; }

    public IReadOnlyList<string> Lines { get; }

    public static string Directory { get; } = System.IO.Path.Combine(RepositoryRoot(), "docs", "rules");

    public static RulePage Read(string ruleId)
    {
        var path = System.IO.Path.Combine(Directory, ruleId + ".md");
        return new RulePage(path, File.ReadAllLines(path));
    }

    /// <summary>The value of a row of the page's header table (<c>| Default severity | warning |</c>).</summary>
    public string? Fact(string name) =>
        Lines.Where(line => line.StartsWith($"| {name} |", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries)[2])
            .FirstOrDefault();

    public bool HasHeading(string heading) => Lines.Contains(heading, StringComparer.Ordinal);

    /// <summary>
    /// The code block under <c>### Wrong</c> or <c>### Right</c> in a language's section (<c>## C#</c> or
    /// <c>## PowerShell</c>), or null when the page has none.
    /// </summary>
    public string? Example(BodyLanguage language, string kind)
    {
        var section = language == BodyLanguage.CSharp ? "## C#" : "## PowerShell";
        var fence = language == BodyLanguage.CSharp ? "```csharp" : "```powershell";
        var start = IndexOf(section, 0);
        var heading = start < 0 ? -1 : IndexOf("### " + kind, start);
        var open = heading < 0 ? -1 : IndexOf(fence, heading);
        var nextSection = Lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)).Count() + start + 1;
        if (open < 0 || open > nextSection)
        {
            return null;
        }

        var code = Lines.Skip(open + 1).TakeWhile(line => line != "```");
        return string.Join('\n', code) + "\n";
    }

    /// <summary>The rule ids of the pages in docs/rules (README.md aside).</summary>
    public static IReadOnlyList<string> DocumentedIds() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.md")
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => RuleIdPattern().IsMatch(name))
            .Order(StringComparer.Ordinal)];

    private int IndexOf(string line, int from)
    {
        for (var index = from; index < Lines.Count; index++)
        {
            if (Lines[index] == line)
            {
                return index;
            }
        }

        return -1;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ExoJobRunner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ExoJobRunner.sln not found above the test output folder");
    }

    [GeneratedRegex("^EXO[0-9]{4}$")]
    private static partial Regex RuleIdPattern();
}
