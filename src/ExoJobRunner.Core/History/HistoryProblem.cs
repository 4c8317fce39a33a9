namespace ExoJobRunner.Core.History;

/// <summary>Why the history store cannot be used: each names what to do about it.</summary>
public enum HistoryProblem
{
    /// <summary>The database file is not a sound SQLite database (garbage, truncated, zero bytes, a damaged page).</summary>
    Damaged,

    /// <summary>The database was written by a newer exojobs, whose schema this one does not know.</summary>
    NewerSchema,

    /// <summary>The disk (or quota) holding the history folder is full.</summary>
    Full,

    /// <summary>The history folder or database may not be written (a read-only mount, permissions).</summary>
    ReadOnly,

    /// <summary>The database cannot be reached: its folder or file is gone, locked for too long, or failing to read.</summary>
    Unavailable,
}
