namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>A throw-away copy of a fixture folder (or of the repository's own samples) for one test to run in.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public static Workspace FromFixture(string fixture) => Copy(Path.Combine(RepositoryPaths.Fixtures, fixture));

    /// <summary>The repository's shipped <c>exojobs.yaml</c> and <c>jobs/</c>, as a new user gets them.</summary>
    public static Workspace FromRepositorySamples()
    {
        var workspace = Create();
        File.Copy(Path.Combine(RepositoryPaths.Root, "exojobs.yaml"), Path.Combine(workspace.Directory, "exojobs.yaml"));
        CopyTree(Path.Combine(RepositoryPaths.Root, "jobs"), Path.Combine(workspace.Directory, "jobs"));
        return workspace;
    }

    public string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // An abandoned job body may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private static Workspace Copy(string source)
    {
        var workspace = Create();
        CopyTree(source, workspace.Directory);
        return workspace;
    }

    private static Workspace Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exojobs-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        return new Workspace(directory);
    }

    private static void CopyTree(string source, string destination)
    {
        System.IO.Directory.CreateDirectory(destination);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
