namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>The repository checkout the tests run from: its docs and sample files are what the tests check.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
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
}
