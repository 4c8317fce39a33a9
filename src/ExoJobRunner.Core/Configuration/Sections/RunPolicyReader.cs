using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>
/// Reads the keys that say how a job is run rather than what it runs (<c>concurrency</c>, <c>misfire</c>,
/// <c>retries</c>), which a job file and <c>defaults:</c> both accept.
/// </summary>
internal static class RunPolicyReader
{
    public static readonly string[] KeyNames = ["concurrency", "misfire", "retries"];

    private static readonly MappingKeys RetryKeys = new("the retries setting", "count", "delay");

    /// <summary>Reads whichever of the policy keys are present, falling back to <paramref name="inherited"/> for the rest.</summary>
    public static RunPolicies Read(IReadOnlyDictionary<string, YamlEntry> keys, RunPolicies inherited, YamlFile file)
    {
        var concurrency = keys.TryGetValue("concurrency", out var concurrencyEntry)
            ? file.ReadChoice(concurrencyEntry, ("skip", ConcurrencyPolicy.Skip), ("queue", ConcurrencyPolicy.Queue), ("allow", ConcurrencyPolicy.Allow))
            : null;
        var misfire = keys.TryGetValue("misfire", out var misfireEntry)
            ? file.ReadChoice(misfireEntry, ("skip", MisfirePolicy.Skip), ("runOnce", MisfirePolicy.RunOnce))
            : null;
        var retries = keys.TryGetValue("retries", out var retriesEntry) ? ReadRetries(retriesEntry, file) : null;
        return new RunPolicies(concurrency ?? inherited.Concurrency, misfire ?? inherited.Misfire, retries ?? inherited.Retries);
    }

    /// <summary><c>retries: { count: 3, delay: 2m }</c>; the delay may be left out (<see cref="RetryPolicy.DefaultDelay"/>).</summary>
    private static RetryPolicy? ReadRetries(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return null;
        }

        var keys = RetryKeys.Select(mapping, file);
        if (!keys.TryGetValue("count", out var countEntry))
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidValue,
                "'retries' needs 'count' (further attempts after a connection or throttling failure), e.g. retries: { count: 3, delay: 2m }",
                entry.Key);
            return null;
        }

        var count = file.ReadInt(countEntry, minimum: 0);
        var delay = keys.TryGetValue("delay", out var delayEntry) ? file.ReadDuration(delayEntry) : RetryPolicy.DefaultDelay;
        return count is null || delay is null ? null : new RetryPolicy(count.Value, delay.Value);
    }
}
