using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>The run policies of one job or of <c>defaults:</c>, as read from YAML.</summary>
internal sealed record RunPolicies(ConcurrencyPolicy Concurrency, MisfirePolicy Misfire, RetryPolicy Retries)
{
    public static RunPolicies Of(JobDefaults defaults) => new(defaults.Concurrency, defaults.Misfire, defaults.Retries);
}
