using System.Globalization;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// What one measured process saw while enumerating every mailbox once, printed by the child as one line and read back by
/// the harness.
/// </summary>
/// <param name="Variant">Which client enumerated.</param>
/// <param name="Results">Mailboxes received.</param>
/// <param name="Pages">InvokeCommand requests made while enumerating (a retried page would count twice).</param>
/// <param name="Checksum">
/// The sum over every mailbox of its primary address's length and its ProhibitSendQuota in bytes: both variants must read
/// the same values, not merely the same number of objects.
/// </param>
/// <param name="ElapsedMs">From the first request to the last result handled.</param>
/// <param name="WaitingMs">
/// Time spent waiting for response headers, summed over the requests: the sandbox builds a whole page before it answers,
/// so this is the server's share (and the request's trip), the same work for both variants.
/// </param>
/// <param name="CpuMs">
/// Processor time the measured process used while enumerating, on all its threads (the garbage collector's and the JIT's
/// included): the client's work, which unlike the elapsed time does not stretch when other work on the machine takes the cores.
/// </param>
/// <param name="AllocatedBytes">Managed bytes allocated while enumerating.</param>
/// <param name="MaxManagedBytes">The largest managed heap size seen, sampled every 1,000 results without forcing a collection.</param>
/// <param name="ResidentBeforeBytes">The resident set once connected, before the first request.</param>
/// <param name="PeakResidentBytes">The process's peak resident set (Linux <c>VmHWM</c>; the peak working set elsewhere), start-up included.</param>
/// <param name="Collections">Garbage collections of generations 0, 1 and 2 while enumerating.</param>
/// <param name="ResidentAtTenths">The resident set after every tenth of the mailboxes, to see whether it grows with the result.</param>
internal sealed record EnumerationMeasurement(
    string Variant,
    int Results,
    int Pages,
    long Checksum,
    double ElapsedMs,
    double WaitingMs,
    double CpuMs,
    long AllocatedBytes,
    long MaxManagedBytes,
    long ResidentBeforeBytes,
    long PeakResidentBytes,
    IReadOnlyList<int> Collections,
    IReadOnlyList<long> ResidentAtTenths)
{
    private const string Prefix = "enumeration";

    public double ResultsPerSecond => Results / (ElapsedMs / 1000);

    /// <summary>The time the client itself spent: receiving and parsing the pages and handing out the results.</summary>
    public double ClientMs => ElapsedMs - WaitingMs;

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}\t{Variant}\t{Results}\t{Pages}\t{Checksum}\t{ElapsedMs:F1}\t{WaitingMs:F1}\t{CpuMs:F1}\t{AllocatedBytes}\t{MaxManagedBytes}\t{ResidentBeforeBytes}\t{PeakResidentBytes}\t{string.Join(',', Collections)}\t{string.Join(',', ResidentAtTenths)}");

    public static EnumerationMeasurement? Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 14 || fields[0] != Prefix)
        {
            return null;
        }

        var culture = CultureInfo.InvariantCulture;
        return new EnumerationMeasurement(
            fields[1],
            int.Parse(fields[2], culture),
            int.Parse(fields[3], culture),
            long.Parse(fields[4], culture),
            double.Parse(fields[5], culture),
            double.Parse(fields[6], culture),
            double.Parse(fields[7], culture),
            long.Parse(fields[8], culture),
            long.Parse(fields[9], culture),
            long.Parse(fields[10], culture),
            long.Parse(fields[11], culture),
            [.. fields[12].Split(',').Select(count => int.Parse(count, culture))],
            [.. fields[13].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(bytes => long.Parse(bytes, culture))]);
    }
}
