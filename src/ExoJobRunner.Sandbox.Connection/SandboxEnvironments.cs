using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Sandbox.Connection;

/// <summary>The sandbox backends a host registers so that <c>environment: Sandbox</c> profiles connect.</summary>
public static class SandboxEnvironments
{
    /// <summary>
    /// The cloud the sandbox stands in for: tokens are asked for its resource (https://outlook.office365.com/.default),
    /// exactly as against a real tenant.
    /// </summary>
    public static ExchangeCloud StoodInFor { get; } = ExchangeCloud.For(ExchangeEnvironment.O365Default);

    /// <param name="dataFolder">Where the in-process sandbox keeps its client certificate; null for the user's data folder.</param>
    public static IReadOnlyList<IExchangeEnvironmentProvider> All(string? dataFolder = null) =>
        [new InProcessSandboxEnvironment(dataFolder), new StandaloneSandboxEnvironment()];
}
