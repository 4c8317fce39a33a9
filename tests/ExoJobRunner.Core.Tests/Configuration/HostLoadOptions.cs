using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Scripting;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>The checks the CLI hands the loader (ConfigurationReader.LoadOptions), built from the same real components.</summary>
internal static class HostLoadOptions
{
    public static ConfigurationLoadOptions Value { get; } = new()
    {
        FindIncludes = BodyIncludes.Find,
        CheckSandboxFaults = spec => SandboxFaultSpec.TryParse(spec, out _, out var problem) ? null : problem?.Message,
    };
}
