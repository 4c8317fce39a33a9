namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>
/// Finds the files a C# body <c>#load</c>s by reading its text, without Roslyn: the cache key must cover them, and
/// computing the key must not load the compiler it exists to skip.
/// </summary>
/// <remarks>
/// C# allows <c>#load</c> only before the first token of a file, so the scan reads the leading lines (blank lines,
/// comments and other directives such as <c>#r</c> or <c>#nullable</c>) and stops at the first line of code. A form the
/// scan misses cannot cause a stale hit: a cache entry also records the files the compiler actually loaded and is
/// only used while they are unchanged.
/// </remarks>
internal static class LoadDirectiveScanner
{
    private const string Directive = "#load";

    /// <summary>The <c>#load</c> directives at the top of <paramref name="code"/>: each path as written, and where the directive starts.</summary>
    public static IReadOnlyList<LoadDirective> Scan(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var directives = new List<LoadDirective>();
        var inBlockComment = false;
        var lineNumber = 0;
        foreach (var rawLine in code.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (inBlockComment)
            {
                var end = line.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                inBlockComment = false;
                line = line[(end + 2)..].Trim();
            }

            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = line.IndexOf("*/", 2, StringComparison.Ordinal);
                inBlockComment = end < 0;
                line = end < 0 ? string.Empty : line[(end + 2)..].Trim();
            }

            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith('#'))
            {
                break;
            }

            if (line.StartsWith(Directive, StringComparison.Ordinal) && QuotedPath(line[Directive.Length..]) is { } path)
            {
                directives.Add(new LoadDirective(path, lineNumber, rawLine.IndexOf(Directive, StringComparison.Ordinal) + 1));
            }
        }

        return directives;
    }

    private static string? QuotedPath(string rest)
    {
        var open = rest.IndexOf('"', StringComparison.Ordinal);
        var close = open < 0 ? -1 : rest.IndexOf('"', open + 1);
        return close > open + 1 ? rest[(open + 1)..close] : null;
    }
}
