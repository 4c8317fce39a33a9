namespace ExoJobRunner.Core.History;

/// <summary>
/// The history store cannot be used as it is (see <see cref="Problem"/>). The message names the file or folder and
/// what to do; it is what exojobs prints, with exit code 8 (ExitCodes.EnvironmentError).
/// </summary>
public sealed class HistoryDatabaseException : Exception
{
    public HistoryDatabaseException()
    {
    }

    public HistoryDatabaseException(string message)
        : base(message)
    {
    }

    public HistoryDatabaseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public HistoryDatabaseException(HistoryProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public HistoryProblem Problem { get; } = HistoryProblem.Unavailable;

    /// <summary>
    /// Whether the problem can go away by itself (space freed, a mount back): worth retrying and waiting for. A damaged
    /// or newer database stays so until someone acts.
    /// </summary>
    public bool MayPass => Problem is HistoryProblem.Full or HistoryProblem.ReadOnly or HistoryProblem.Unavailable;
}
