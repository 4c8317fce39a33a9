namespace ExoJobRunner.Core.Configuration.JobFiles;

/// <summary>
/// Finds the files a <c>jobs:</c> pattern names: <c>*</c> and <c>?</c> within one path segment, <c>**</c> for any
/// number of folders (none included), relative to a base folder. Hidden entries (dot files such as editor swap
/// files, and folders such as .git or .exojobs) are skipped, and symbolic links to folders are not followed so a
/// link loop cannot make <c>**</c> run forever. Links to files are listed like files: the loader follows them.
/// </summary>
internal static class JobFileGlob
{
    private const string AnyFolders = "**";

    // Links to files are listed (the loader follows them, and refuses one that leads outside the configuration
    // folder); links to folders are not descended into.
    private static readonly EnumerationOptions FilesOneLevel = new()
    {
        MatchType = MatchType.Simple,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    private static readonly EnumerationOptions FoldersOneLevel = new()
    {
        MatchType = MatchType.Simple,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    /// <summary>Absolute paths of the matching files, sorted ordinally.</summary>
    /// <exception cref="IOException">A folder could not be listed.</exception>
    public static IReadOnlyList<string> Match(string baseDirectory, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        var normalized = pattern.Replace('\\', '/');
        var start = baseDirectory;
        if (Path.IsPathRooted(normalized))
        {
            start = Path.GetPathRoot(normalized)!;
            normalized = normalized[start.Length..];
        }

        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var matches = new SortedSet<string>(StringComparer.Ordinal);
        if (segments.Length > 0)
        {
            Walk(start, segments, 0, matches);
        }

        return [.. matches];
    }

    private static void Walk(string directory, string[] segments, int index, SortedSet<string> matches)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var segment = segments[index];
        var isLast = index == segments.Length - 1;
        if (segment == AnyFolders)
        {
            if (isLast)
            {
                AddFiles(Directory.EnumerateFiles(directory, "*", FilesOneLevel), matches);
            }
            else
            {
                Walk(directory, segments, index + 1, matches);
            }

            foreach (var child in Directory.EnumerateDirectories(directory, "*", FoldersOneLevel))
            {
                Walk(child, segments, index, matches);
            }

            return;
        }

        if (isLast)
        {
            AddFiles(Directory.EnumerateFiles(directory, segment, FilesOneLevel), matches);
        }
        else if (segment is "." or ".." || segment.IndexOfAny(['*', '?']) < 0)
        {
            Walk(Path.Combine(directory, segment), segments, index + 1, matches);
        }
        else
        {
            foreach (var child in Directory.EnumerateDirectories(directory, segment, FoldersOneLevel))
            {
                Walk(child, segments, index + 1, matches);
            }
        }
    }

    private static void AddFiles(IEnumerable<string> files, SortedSet<string> matches)
    {
        foreach (var file in files)
        {
            matches.Add(Path.GetFullPath(file));
        }
    }
}
