using System.Globalization;

namespace ExoJobRunner.Benchmarks.Memory;

/// <summary>
/// The memory of the measuring process after a number of runs, taken after a full blocking collection, so it counts
/// what is still reachable (or loaded), not garbage waiting for the collector.
/// </summary>
internal sealed record MemorySample(int Runs, long ManagedBytes, long WorkingSetBytes, int LoadedAssemblies, TimeSpan Elapsed)
{
    private const string Prefix = "sample";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}\t{Runs}\t{ManagedBytes}\t{WorkingSetBytes}\t{LoadedAssemblies}\t{Elapsed.TotalMilliseconds:F0}");

    public static MemorySample? Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 6 || fields[0] != Prefix)
        {
            return null;
        }

        return new MemorySample(
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            long.Parse(fields[3], CultureInfo.InvariantCulture),
            int.Parse(fields[4], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(fields[5], CultureInfo.InvariantCulture)));
    }
}
