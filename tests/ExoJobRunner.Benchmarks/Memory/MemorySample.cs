using System.Globalization;

namespace ExoJobRunner.Benchmarks.Memory;

/// <summary>
/// The memory of the measuring process after a number of runs, taken after a full blocking collection, so it counts
/// what is still reachable (or loaded), not garbage waiting for the collector.
/// </summary>
/// <param name="Runs">Runs done when the sample was taken.</param>
/// <param name="ManagedBytes">Live objects on the managed heap.</param>
/// <param name="CommittedBytes">Memory the garbage collector holds for its heaps (live objects and the room it keeps).</param>
/// <param name="WorkingSetBytes">The process's resident memory: the heaps, the JIT's output, native allocations, and the pages of mapped files (assemblies) touched so far.</param>
/// <param name="AnonymousBytes">
/// The resident memory not backed by a file (Linux <c>RssAnon</c>; the private bytes elsewhere): what a leak grows. The
/// working set also grows, and then levels off, as more of the compiler's own code is paged in from its assemblies.
/// </param>
/// <param name="LoadedAssemblies">Assemblies loaded and not unloaded.</param>
/// <param name="Elapsed">Time since the first sample.</param>
internal sealed record MemorySample(int Runs, long ManagedBytes, long CommittedBytes, long WorkingSetBytes, long AnonymousBytes, int LoadedAssemblies, TimeSpan Elapsed)
{
    private const string Prefix = "sample";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}\t{Runs}\t{ManagedBytes}\t{CommittedBytes}\t{WorkingSetBytes}\t{AnonymousBytes}\t{LoadedAssemblies}\t{Elapsed.TotalMilliseconds:F0}");

    public static MemorySample? Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 8 || fields[0] != Prefix)
        {
            return null;
        }

        return new MemorySample(
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            long.Parse(fields[3], CultureInfo.InvariantCulture),
            long.Parse(fields[4], CultureInfo.InvariantCulture),
            long.Parse(fields[5], CultureInfo.InvariantCulture),
            int.Parse(fields[6], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(fields[7], CultureInfo.InvariantCulture)));
    }
}
