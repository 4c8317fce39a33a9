namespace ExoJobRunner.Core.History;

/// <summary>
/// Writes history for a host that must go on when the store cannot take it (a full disk, a read-only mount). A write
/// the store refuses is tried again twice within about a second (a moment's trouble); if it still fails, the store
/// counts as out (<see cref="Outage"/>) and the write is kept in memory, with its original times, until
/// <see cref="TryCatchUpAsync"/> finds the store back, so a run always ends up with its row. While the store is out,
/// further writes are kept at once rather than tried, so nothing waits on a store known to be down.
/// </summary>
public sealed class HistoryWriter
{
    private readonly Lock _gate = new();
    private readonly List<DeferredWrite> _deferred = [];
    private readonly IReadOnlyList<TimeSpan> _retryPauses;
    private HistoryDatabaseException? _outage;

    public HistoryWriter(HistoryStore store)
        : this(store, [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)])
    {
    }

    /// <param name="retryPauses">The pauses between the attempts of a refused write, on the real clock.</param>
    internal HistoryWriter(HistoryStore store, IReadOnlyList<TimeSpan> retryPauses)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _retryPauses = retryPauses;
    }

    public HistoryStore Store { get; }

    /// <summary>Why the store is out; null while it takes writes.</summary>
    public HistoryDatabaseException? Outage
    {
        get
        {
            lock (_gate)
            {
                return _outage;
            }
        }
    }

    /// <summary>What is waiting to be written, oldest first (for the host to say, when it cannot wait for the store).</summary>
    public IReadOnlyList<string> Deferred
    {
        get
        {
            lock (_gate)
            {
                return [.. _deferred.Select(write => write.What)];
            }
        }
    }

    /// <summary>Writes now or, when the store is out or keeps refusing it, keeps it for later.</summary>
    /// <param name="what">The write as a person would name it ("the end of run 20261128-013000-4f1c2a (Succeeded)").</param>
    /// <param name="write">The write: one store call, so a failed attempt left nothing and it can run again.</param>
    /// <returns>True when written now; false when kept (see <see cref="Outage"/>).</returns>
    public async Task<bool> WriteAsync(string what, Func<HistoryStore, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            if (_outage is not null)
            {
                _deferred.Add(new DeferredWrite(what, write));
                return false;
            }
        }

        try
        {
            await WriteNowAsync(write);
            return true;
        }
        catch (HistoryDatabaseException)
        {
            lock (_gate)
            {
                _deferred.Add(new DeferredWrite(what, write));
            }

            return false;
        }
    }

    /// <summary>
    /// Writes now, for a write that cannot be kept (a run's first row: without it the run must not start, and the
    /// caller decides what then). Tried again briefly, unless the store is already known to be out.
    /// </summary>
    /// <exception cref="HistoryDatabaseException">The store refused it; it is now counted as out.</exception>
    public async Task WriteNowAsync(Func<HistoryStore, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pauses = Outage is null ? _retryPauses : [];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await write(Store);
                return;
            }
            catch (HistoryDatabaseException problem) when (problem.MayPass && attempt < pauses.Count)
            {
                await Task.Delay(pauses[attempt]);
            }
            catch (HistoryDatabaseException problem)
            {
                lock (_gate)
                {
                    _outage ??= problem;
                }

                throw;
            }
        }
    }

    /// <summary>
    /// Writes what was kept, oldest first, then <paramref name="probe"/> (a write that shows the store takes writes),
    /// one attempt each. True when all of it went in: the outage is over. Otherwise what is left stays kept, in order.
    /// </summary>
    /// <exception cref="HistoryDatabaseException">The store is damaged or newer: waiting will not bring it back.</exception>
    public async Task<bool> TryCatchUpAsync(Func<HistoryStore, Task> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        try
        {
            while (TakeOldest() is { } oldest)
            {
                try
                {
                    await oldest.Write(Store);
                }
                catch
                {
                    PutBack(oldest);
                    throw;
                }
            }

            await probe(Store);
        }
        catch (HistoryDatabaseException problem) when (problem.MayPass)
        {
            lock (_gate)
            {
                _outage = problem;
            }

            return false;
        }

        lock (_gate)
        {
            // A write kept while the probe ran goes with the next catch-up; until then the store still counts as out.
            if (_deferred.Count > 0)
            {
                return false;
            }

            _outage = null;
            return true;
        }
    }

    private DeferredWrite? TakeOldest()
    {
        lock (_gate)
        {
            if (_deferred.Count == 0)
            {
                return null;
            }

            var oldest = _deferred[0];
            _deferred.RemoveAt(0);
            return oldest;
        }
    }

    private void PutBack(DeferredWrite write)
    {
        lock (_gate)
        {
            _deferred.Insert(0, write);
        }
    }

    private sealed record DeferredWrite(string What, Func<HistoryStore, Task> Write);
}
