using System.Diagnostics;
using System.Globalization;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>This process's resident memory as Linux reports it in /proc/self/status (in kB there), or the working set elsewhere.</summary>
internal static class ProcessMemory
{
    private const string StatusFile = "/proc/self/status";

    public static long ResidentBytes()
    {
        if (StatusField("VmRSS:") is { } resident)
        {
            return resident;
        }

        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>The most the process has ever had resident (Linux <c>VmHWM</c>), start-up included.</summary>
    public static long PeakResidentBytes()
    {
        if (StatusField("VmHWM:") is { } peak)
        {
            return peak;
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static long? StatusField(string field)
    {
        if (!File.Exists(StatusFile))
        {
            return null;
        }

        var line = File.ReadLines(StatusFile).First(line => line.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
