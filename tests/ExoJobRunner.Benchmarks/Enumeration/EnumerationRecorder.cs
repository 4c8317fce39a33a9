using System.Diagnostics;
using System.Diagnostics.Metrics;
using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// Measures one enumeration from inside the measured process, the same way for both variants: it counts what the loop
/// hands it, times from <see cref="Start"/> to <see cref="Finish"/>, and learns the requests and the time spent waiting
/// for response headers from HttpClient's own <c>http.client.request.duration</c> metric, so neither variant has to
/// report its pages itself.
/// </summary>
internal sealed class EnumerationRecorder : IDisposable
{
    private const int ManagedSampleEvery = 1000;

    private readonly MeterListener listener = new();
    private readonly Stopwatch clock = new();
    private readonly int expectedResults;
    private readonly List<long> residentAtTenths = [];
    private bool measuring;
    private int requests;
    private double waitingSeconds;
    private int results;
    private long checksum;
    private long maxManagedBytes;
    private long allocatedBefore;
    private long residentBefore;
    private TimeSpan cpuBefore;
    private int[] collectionsBefore = [];

    public EnumerationRecorder(int expectedResults)
    {
        this.expectedResults = expectedResults;
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };

        // Requests are made one after another, but a response can complete on another thread than the loop's.
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            if (Volatile.Read(ref measuring))
            {
                Interlocked.Increment(ref requests);
                lock (listener)
                {
                    waitingSeconds += seconds;
                }
            }
        });
        listener.Start();
    }

    /// <summary>
    /// Called right before the measured enumeration's first request; what was recorded before (the warm-up) is forgotten.
    /// </summary>
    public void Start()
    {
        results = 0;
        checksum = 0;
        maxManagedBytes = 0;
        residentAtTenths.Clear();
        residentBefore = ProcessMemory.ResidentBytes();
        collectionsBefore = Collections();
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        cpuBefore = ProcessorTime();
        Volatile.Write(ref measuring, true);
        clock.Start();
    }

    /// <summary>One mailbox, with the two properties the loop read from it.</summary>
    public void Record(string? primarySmtpAddress, string? prohibitSendQuota)
    {
        results++;
        checksum += (primarySmtpAddress?.Length ?? 0)
            + (ByteQuantifiedSize.TryParse(prohibitSendQuota, out var quota) ? (long)quota.Bytes : 0);
        if (results % ManagedSampleEvery == 0)
        {
            maxManagedBytes = Math.Max(maxManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
        }

        if (Volatile.Read(ref measuring) && results % Math.Max(1, expectedResults / 10) == 0)
        {
            residentAtTenths.Add(ProcessMemory.ResidentBytes());
        }
    }

    public EnumerationMeasurement Finish(string variant)
    {
        clock.Stop();
        var cpu = ProcessorTime() - cpuBefore;
        Volatile.Write(ref measuring, false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = Collections().Zip(collectionsBefore, (after, before) => after - before).ToArray();
        double waiting;
        lock (listener)
        {
            waiting = waitingSeconds;
        }

        return new EnumerationMeasurement(
            variant,
            results,
            Volatile.Read(ref requests),
            checksum,
            clock.Elapsed.TotalMilliseconds,
            waiting * 1000,
            cpu.TotalMilliseconds,
            allocated,
            Math.Max(maxManagedBytes, GC.GetTotalMemory(forceFullCollection: false)),
            residentBefore,
            ProcessMemory.PeakResidentBytes(),
            collections,
            residentAtTenths);
    }

    public void Dispose() => listener.Dispose();

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
