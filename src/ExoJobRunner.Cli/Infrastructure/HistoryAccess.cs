using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>
/// Opens the history database for a verb, turning an unusable one into a message instead of a stack trace (the verb
/// then exits with ExitCodes.EnvironmentError), and settles the runs whose process is gone.
/// </summary>
internal static class HistoryAccess
{
    /// <summary>The store (created when missing), or null after printing why it cannot be used.</summary>
    /// <param name="forScheduler">
    /// For the scheduler's start: also reads every page (<c>PRAGMA quick_check</c>), too slow for every command, and
    /// leaves runs of dead processes to the scheduler, which settles them itself and logs each.
    /// </param>
    public static async Task<HistoryStore?> OpenAsync(
        RunnerConfiguration configuration,
        TimeProvider time,
        TextWriter error,
        CancellationToken cancellationToken,
        bool forScheduler = false)
    {
        HistoryStore store;
        try
        {
            store = await HistoryStore.OpenAsync(configuration.History.DatabasePath, cancellationToken);
            if (forScheduler)
            {
                await store.CheckIntegrityAsync(cancellationToken);
                return store;
            }
        }
        catch (HistoryDatabaseException problem)
        {
            await error.WriteLineAsync("exojobs: " + problem.Message);
            return null;
        }

        // Every command that opens the history settles, for every job, the runs left Running by a process that is gone
        // (SIGKILL, a crash, power loss): users who keep Task Scheduler or cron as their scheduler never start ours.
        // On a full disk it is left for later: reading the history must still work.
        try
        {
            await store.MarkAbandonedAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (HistoryDatabaseException problem) when (problem.MayPass)
        {
            // The rows stay Running until a command finds the store writable.
        }

        return store;
    }

    /// <summary>For verbs that only read: null without creating anything when no run has been recorded yet.</summary>
    /// <param name="unusable">Set when the database is there but cannot be used (the message is printed).</param>
    public static async Task<(HistoryStore? Store, bool Unusable)> OpenIfPresentAsync(
        RunnerConfiguration configuration,
        TimeProvider time,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(configuration.History.DatabasePath))
        {
            return (null, false);
        }

        var store = await OpenAsync(configuration, time, error, cancellationToken);
        return (store, store is null);
    }
}
