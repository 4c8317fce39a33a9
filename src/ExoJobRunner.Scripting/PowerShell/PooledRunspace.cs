using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>One open runspace of the warm pool, with the host that captures its runs' exit codes.</summary>
internal sealed class PooledRunspace : IDisposable
{
    private readonly RunspaceBaseline _baseline;

    private PooledRunspace(Runspace runspace, UnattendedHost host, RunspaceBaseline baseline)
    {
        Runspace = runspace;
        Host = host;
        _baseline = baseline;
    }

    public Runspace Runspace { get; }

    public UnattendedHost Host { get; }

    /// <summary>Open, idle and not broken by the last run (a pipeline that never stopped leaves it busy).</summary>
    public bool IsClean =>
        Runspace.RunspaceStateInfo.State == RunspaceState.Opened
        && Runspace.RunspaceAvailability == RunspaceAvailability.Available;

    /// <summary>
    /// Opens a runspace on the calling thread; this is the slow step the pool exists to avoid. Throws
    /// <see cref="PowerShellInstallationException"/> when PowerShell's own cmdlets do not resolve in it.
    /// </summary>
    public static PooledRunspace Open(InitialSessionState sessionState)
    {
        var host = new UnattendedHost();
        var runspace = RunspaceFactory.CreateRunspace(host, sessionState);
        try
        {
            // Each run invokes its pipeline on a thread the engine owns (a background thread, never a thread pool
            // one); PowerShell's own pipeline threads are foreground and would keep a hung body's process alive.
            runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
            runspace.Open();

            // Checked once per runspace, before the baseline, so the modules it loads stay loaded for every run.
            PowerShellCoreCmdlets.EnsureResolvable(runspace);
            return new PooledRunspace(runspace, host, RunspaceBaseline.Capture(runspace));
        }
        catch
        {
            runspace.Dispose();
            throw;
        }
    }

    /// <summary>Forgets everything the last run defined so it cannot leak into the next one.</summary>
    public void ResetState()
    {
        _baseline.RemoveAddedItems(Runspace);
        Runspace.ResetRunspaceState();
        Host.ClearExitCode();
    }

    public void Dispose() => Runspace.Dispose();
}
