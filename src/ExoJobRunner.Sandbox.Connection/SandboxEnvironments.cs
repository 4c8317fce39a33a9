using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Sandbox.Connection;

/// <summary>The sandbox backends a host registers so that <c>environment: Sandbox</c> profiles connect.</summary>
public static class SandboxEnvironments
{
    /// <param name="dataFolder">Where the in-process sandbox keeps its client certificate; null for the user's data folder.</param>
    public static IReadOnlyList<IExchangeEnvironmentProvider> All(string? dataFolder = null) =>
        [new InProcessSandboxEnvironment(dataFolder), new StandaloneSandboxEnvironment()];
}
