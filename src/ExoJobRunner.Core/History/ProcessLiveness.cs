using System.ComponentModel;
using System.Diagnostics;

namespace ExoJobRunner.Core.History;

/// <summary>Whether the process that recorded a Running row on this machine is still the one running it.</summary>
internal static class ProcessLiveness
{
    /// <summary>
    /// Start times are read with a clock-tick resolution and, on Linux, computed from the boot time each time they are
    /// read; a second of slack keeps the same process from looking like another.
    /// </summary>
    private static readonly TimeSpan StartTimeSlack = TimeSpan.FromSeconds(1);

    private static readonly Lazy<DateTimeOffset> CurrentProcessStartedAt = new(() =>
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    });

    /// <summary>When this process started, recorded with each row it writes.</summary>
    public static DateTimeOffset ThisProcessStartedAt => CurrentProcessStartedAt.Value;

    /// <summary>
    /// True when process <paramref name="processId"/> exists and is the one that recorded the row: it started when the
    /// row says (<paramref name="processStartedAt"/>), or, for rows without that, no later than the run started.
    /// Process ids are reused: after a crash and a reboot, an unrelated process may carry the dead run's id.
    /// </summary>
    public static bool IsRunning(int processId, DateTimeOffset? processStartedAt, DateTimeOffset runStartedAt)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                return false;
            }

            var started = process.StartTime.ToUniversalTime();
            return processStartedAt is { } recorded
                ? (started - recorded.UtcDateTime).Duration() <= StartTimeSlack
                : started <= runStartedAt.UtcDateTime + StartTimeSlack;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // The process exists but cannot be inspected (another user's): never declare a live run dead on a guess.
            return true;
        }
    }
}
