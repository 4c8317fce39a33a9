using System.ComponentModel;
using System.Diagnostics;

namespace ExoJobRunner.Core.History;

/// <summary>Whether the process that recorded a Running row on this machine is still the one running it.</summary>
internal static class ProcessLiveness
{
    /// <summary>
    /// True when process <paramref name="processId"/> exists and started no later than <paramref name="runStartedAt"/>.
    /// The start-time check matters because process ids are reused: after a crash and a reboot, an unrelated process
    /// may carry the dead run's id.
    /// </summary>
    public static bool IsRunning(int processId, DateTimeOffset runStartedAt)
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

            // Start times are read with a clock-tick resolution; a second of slack keeps a run that started in the
            // same instant as its process from looking like a reused id.
            return process.StartTime.ToUniversalTime() <= runStartedAt.UtcDateTime.AddSeconds(1);
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
