using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Open runspaces kept between runs: opening one takes most of a second, reusing one takes milliseconds.
/// Runspaces are opened on demand, so the pool holds as many as ran at the same time, up to a cap.
/// </summary>
internal sealed class WarmRunspacePool : IDisposable
{
    private readonly InitialSessionState _sessionState;
    private readonly int _maxIdleRunspaces;
    private readonly Stack<PooledRunspace> _idle = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public WarmRunspacePool(InitialSessionState sessionState, int maxIdleRunspaces)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIdleRunspaces);
        _sessionState = sessionState;
        _maxIdleRunspaces = maxIdleRunspaces;
    }

    public int IdleCount
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>Takes an idle runspace, or opens one on the calling thread when none is idle.</summary>
    public PooledRunspace Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        return PooledRunspace.Open(_sessionState);
    }

    /// <summary>Resets a runspace after its run and keeps it, or disposes it when it is not fit to serve another run.</summary>
    public void Return(PooledRunspace runspace)
    {
        if (!runspace.IsClean || !TryResetState(runspace))
        {
            runspace.Dispose();
            return;
        }

        lock (_gate)
        {
            if (!_disposed && _idle.Count < _maxIdleRunspaces)
            {
                _idle.Push(runspace);
                return;
            }
        }

        runspace.Dispose();
    }

    public void Dispose()
    {
        PooledRunspace[] idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var runspace in idle)
        {
            runspace.Dispose();
        }
    }

    private static bool TryResetState(PooledRunspace runspace)
    {
        try
        {
            runspace.ResetState();
            return true;
        }
        catch (RuntimeException)
        {
            // A run can leave state PowerShell refuses to remove (e.g. a constant alias); a fresh runspace is cheaper
            // than a run that inherits it.
            return false;
        }
    }
}
