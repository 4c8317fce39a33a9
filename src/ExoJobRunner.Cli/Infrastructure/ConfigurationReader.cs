using System.CommandLine;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Scripting;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>Finds and loads the configuration for a verb, printing every problem MSBuild-style to stderr.</summary>
internal static class ConfigurationReader
{
    /// <summary>What only the host can check: included files by the scripting layer, fault specs by the sandbox's own grammar.</summary>
    public static readonly ConfigurationLoadOptions LoadOptions = new()
    {
        FindIncludes = BodyIncludes.Find,
        CheckSandboxFaults = spec => SandboxFaultSpec.TryParse(spec, out _, out var problem) ? null : problem?.Message,
    };

    public static string ResolvePath(ParseResult parseResult)
    {
        var explicitPath = parseResult.GetValue(GlobalOptions.Config)?.FullName;
        if (explicitPath is not null)
        {
            return explicitPath;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(GlobalOptions.ConfigEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.GetFullPath("exojobs.yaml")
            : Path.GetFullPath(fromEnvironment);
    }

    /// <summary>The loaded configuration, or null (after printing why) when it has errors.</summary>
    public static RunnerConfiguration? Load(ParseResult parseResult, TextWriter error)
    {
        var result = ConfigurationLoader.Load(ResolvePath(parseResult), LoadOptions);
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (result.HasErrors)
        {
            var count = result.Diagnostics.Count(d => d.IsError);
            error.WriteLine($"exojobs: the configuration has {count} error(s); nothing was run.");
        }

        return result.Configuration;
    }
}
