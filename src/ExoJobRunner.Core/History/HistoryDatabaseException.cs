namespace ExoJobRunner.Core.History;

/// <summary>The history database cannot be used as it is (written by a newer exojobs, or not a history database at all).</summary>
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
}
