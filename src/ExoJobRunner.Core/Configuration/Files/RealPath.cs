namespace ExoJobRunner.Core.Configuration.Files;

/// <summary>
/// The path a file really has once every symbolic link on the way is followed, as the operating system resolves it:
/// <c>jobs/lib/../x.csx</c> where <c>lib</c> links to <c>/opt/shared/lib</c> is <c>/opt/shared/x.csx</c>, not
/// <c>jobs/x.csx</c>. Whether a file is inside the configuration folder is decided on this path.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links on one path (ELOOP); so does this, so a link cycle ends.
    private const int MaxLinks = 40;

    /// <param name="path">An absolute path, or one relative to <paramref name="baseDirectory"/>.</param>
    /// <param name="baseDirectory">An absolute folder path, itself already resolved.</param>
    /// <exception cref="IOException">The path goes through more than 40 links (a cycle).</exception>
    public static string Resolve(string path, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Windows resolves ".." by the text of the path, before any link; Unix by the folder a link leads to.
        var combined = OperatingSystem.IsWindows()
            ? Path.GetFullPath(path, baseDirectory)
            : Path.IsPathRooted(path) ? path : Path.Join(baseDirectory, path);
        var current = Path.GetPathRoot(combined)!;
        var pending = new Stack<string>(Split(combined[current.Length..]).Reverse());
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} symbolic links on the way (a link cycle)");
            }

            // A relative target is read from the link's own folder; an absolute one starts again from its root.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var targetPart in Split(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> itself or below it (both already resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);

        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison) || string.Equals(path, folder, comparison);
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
