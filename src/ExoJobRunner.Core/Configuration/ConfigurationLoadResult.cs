using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// The outcome of loading configuration: every problem found (not just the first), and the configuration
/// itself only when none of them is an error.
/// </summary>
public sealed record ConfigurationLoadResult(RunnerConfiguration? Configuration, IReadOnlyList<ExoDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
