using System.Globalization;

namespace ExoJobRunner.Benchmarks.Startup;

/// <summary>The distribution of one scenario's start-to-exit times.</summary>
internal sealed record TimingSummary(string Name, int Count, double MedianMs, double MeanMs, double MinMs, double P90Ms)
{
    public static TimingSummary Of(string name, IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.Select(sample => sample.TotalMilliseconds).Order().ToArray();
        return new TimingSummary(
            name,
            sorted.Length,
            Percentile(sorted, 0.5),
            sorted.Average(),
            sorted[0],
            Percentile(sorted, 0.9));
    }

    public string Row(double floorMedianMs) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Count} | {MedianMs:F0} | {MeanMs:F0} | {MinMs:F0} | {P90Ms:F0} | {MedianMs / floorMedianMs:F1}× |");

    /// <summary>Linear interpolation between the closest ranks.</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        var rank = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
