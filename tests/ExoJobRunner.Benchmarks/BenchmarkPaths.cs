using System.Reflection;

namespace ExoJobRunner.Benchmarks;

/// <summary>Where the programs under measurement were built: the same configuration as this harness.</summary>
internal static class BenchmarkPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(BenchmarkPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string Exojobs => Program(Path.Combine(Root, "src", "ExoJobRunner.Cli"), "exojobs");

    public static string HelloWorld => Program(Path.Combine(Root, "tests", "ExoJobRunner.Benchmarks", "Baselines", "HelloWorld"), "HelloWorld");

    public static string NaiveScriptRunner => Program(Path.Combine(Root, "tests", "ExoJobRunner.Benchmarks", "Baselines", "NaiveScriptRunner"), "NaiveScriptRunner");

    private static string Program(string projectDirectory, string name)
    {
        var path = Path.Combine(projectDirectory, "bin", Configuration, "net10.0", OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} was not built at {path}; run the harness with 'dotnet run -c {Configuration}', which builds it.", path);
    }

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
