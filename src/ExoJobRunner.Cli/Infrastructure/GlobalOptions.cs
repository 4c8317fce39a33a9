using System.CommandLine;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public const string ConfigEnvironmentVariable = "EXOJOBS_CONFIG";

    public static readonly Option<FileInfo?> Config = new("--config", "-c")
    {
        Description = $"The configuration file (default: ${ConfigEnvironmentVariable}, else ./exojobs.yaml).",
        Recursive = true,
    };
}
