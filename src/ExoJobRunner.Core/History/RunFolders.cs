namespace ExoJobRunner.Core.History;

/// <summary>Deletes the folders of pruned runs, and nothing else.</summary>
internal static class RunFolders
{
    /// <summary>
    /// Deletes <paramref name="outputDirectory"/> when it lies inside <paramref name="runsDirectory"/>. A path from the
    /// database is never trusted further than that: a history file copied from elsewhere must not delete folders there.
    /// </summary>
    public static void Delete(string runsDirectory, string? outputDirectory)
    {
        if (outputDirectory is null)
        {
            return;
        }

        var root = Path.GetFullPath(runsDirectory) + Path.DirectorySeparatorChar;
        var folder = Path.GetFullPath(outputDirectory);
        if (!folder.StartsWith(root, StringComparison.Ordinal) || !Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still open (an abandoned body) keeps its folder; the next prune tries again only if the row
            // still exists, so the folder may outlive its row. It is reported by nothing, and harms nothing.
        }
    }
}
