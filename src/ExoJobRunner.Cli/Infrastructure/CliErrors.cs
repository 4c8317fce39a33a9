using ExoJobRunner.Core.Configuration;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>User-facing error messages shared by verbs, built in one place so they read the same everywhere.</summary>
internal static class CliErrors
{
    public static string UnknownJob(string name, RunnerConfiguration configuration)
    {
        var known = configuration.Jobs.Count == 0
            ? $"no jobs were found (patterns: {string.Join(", ", configuration.JobPatterns)})"
            : "known jobs: " + string.Join(", ", configuration.Jobs.Select(job => job.Name));
        return $"exojobs: no job named '{name}' in {configuration.FilePath}; {known}. Run 'exojobs list' to see them.";
    }

    public static string UnknownProfile(string name, RunnerConfiguration configuration)
    {
        var known = configuration.Profiles.Count == 0
            ? "no profiles are defined under 'profiles:'"
            : "known profiles: " + string.Join(", ", configuration.Profiles.Keys.Order(StringComparer.OrdinalIgnoreCase));
        return $"exojobs: no profile named '{name}' in {configuration.FilePath}; {known}.";
    }
}
