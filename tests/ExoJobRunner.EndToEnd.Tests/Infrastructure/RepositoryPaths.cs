using System.Reflection;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository and the built <c>exojobs</c> program are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The apphost of the CLI built in the same configuration as these tests (the project reference builds it).</summary>
    public static string ExojobsExecutable
    {
        get
        {
            var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var name = OperatingSystem.IsWindows() ? "exojobs.exe" : "exojobs";
            var path = Path.Combine(Root, "src", "ExoJobRunner.Cli", "bin", configuration, "net10.0", name);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The exojobs program was not built at {path}; build the solution first.", path);
        }
    }

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExoJobRunner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ExoJobRunner.sln was not found above " + AppContext.BaseDirectory);
    }
}
