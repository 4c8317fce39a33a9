using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.History;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>Opens the history database for a verb, turning an unusable one into a message instead of a stack trace.</summary>
internal static class HistoryAccess
{
    /// <summary>The store (created when missing), or null after printing why it cannot be used.</summary>
    public static async Task<HistoryStore?> OpenAsync(RunnerConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await HistoryStore.OpenAsync(configuration.History.DatabasePath, cancellationToken);
        }
        catch (HistoryDatabaseException exception)
        {
            await error.WriteLineAsync("exojobs: " + exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"exojobs: the history folder for '{configuration.History.DatabasePath}' cannot be created: {exception.Message}; fix its permissions or set history: path: in {configuration.FilePath}");
            return null;
        }
    }

    /// <summary>For verbs that only read: null without creating anything when no run has been recorded yet.</summary>
    public static async Task<HistoryStore?> OpenIfPresentAsync(RunnerConfiguration configuration, TextWriter error, CancellationToken cancellationToken) =>
        File.Exists(configuration.History.DatabasePath) ? await OpenAsync(configuration, error, cancellationToken) : null;
}
