using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>
/// Turns what SQLite or the file system reports about the history store into a <see cref="HistoryDatabaseException"/>
/// that says what is wrong with which file or folder, and what to do. Every message users see about the store is
/// written here.
/// </summary>
internal static class HistoryFailures
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>
    /// The store problem behind <paramref name="exception"/>, or null when it is not one (a bug, a cancellation):
    /// those are left to surface as they are.
    /// </summary>
    public static HistoryDatabaseException? Classify(Exception exception, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HistoryDatabaseException known => known,
            SqliteException sqlite => FromSqlite(sqlite, databasePath),
            IOException io when IsFull(io) => Full(databasePath, io.Message, io),
            IOException io when IsReadOnly(io) => ReadOnly(databasePath, io.Message, io),
            UnauthorizedAccessException denied => ReadOnly(databasePath, denied.Message, denied),
            IOException io => Unavailable(databasePath, io.Message, io),
            _ => null,
        };
    }

    public static HistoryDatabaseException Damaged(string databasePath, string detail, Exception? cause = null) => new(
        HistoryProblem.Damaged,
        $"the history database '{databasePath}' is damaged ({detail}). exojobs has left it as it is. To start a new history, "
        + $"move it aside (rename it to {Path.GetFileName(databasePath)}.damaged, say; 'sqlite3 <file> .recover' may save its rows) "
        + "and run exojobs again, which creates a new one",
        cause);

    public static HistoryDatabaseException Empty(string databasePath) => new(
        HistoryProblem.Damaged,
        $"the history database '{databasePath}' is empty (0 bytes), so it holds no history and exojobs will not start a new one "
        + "in its place on its own: restore it from a backup if it held your history, or delete it to start a new one");

    public static HistoryDatabaseException NewerSchema(string databasePath, int version) => new(
        HistoryProblem.NewerSchema,
        string.Create(
            CultureInfo.InvariantCulture,
            $"the history database '{databasePath}' has schema version {version}, newer than this exojobs knows ({HistorySchema.LatestVersion}); upgrade exojobs, or point history: path: at another file"));

    private static HistoryDatabaseException? FromSqlite(SqliteException exception, string databasePath) =>
        (exception.SqliteErrorCode & 0xFF) switch
        {
            SqliteCorrupt or SqliteNotADatabase => Damaged(databasePath, exception.Message, exception),
            SqliteFull => Full(databasePath, exception.Message, exception),
            SqliteReadOnly or SqlitePermission => ReadOnly(databasePath, exception.Message, exception),
            SqliteBusy or SqliteLocked => Unavailable(databasePath, "another process has kept it locked for too long", exception),
            SqliteCannotOpen or SqliteIoError => ProbeFolder(databasePath, exception) ?? Unavailable(databasePath, exception.Message, exception),
            _ => null,
        };

    /// <summary>
    /// SQLite says only "unable to open database file" or "disk I/O error" when it cannot create its journal or shared
    /// memory file. Writing a byte into the folder tells whether the folder is full or read-only, which is what the
    /// user has to fix; null when the folder takes the write (the trouble is elsewhere).
    /// </summary>
    private static HistoryDatabaseException? ProbeFolder(string databasePath, SqliteException cause)
    {
        var probe = Path.Combine(Folder(databasePath), ".exojobs-write-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
            file.WriteByte(0);
            file.Flush(flushToDisk: false);
            return null;
        }
        catch (IOException io) when (IsFull(io))
        {
            return Full(databasePath, "no space left on the device", cause);
        }
        catch (IOException io) when (IsReadOnly(io))
        {
            return ReadOnly(databasePath, "its file system is mounted read-only", cause);
        }
        catch (UnauthorizedAccessException)
        {
            return ReadOnly(databasePath, "permission denied", cause);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static HistoryDatabaseException Full(string databasePath, string detail, Exception cause) => new(
        HistoryProblem.Full,
        $"the history folder '{Folder(databasePath)}' is on a full disk ({detail}): free space there, or point history: path: at another disk",
        cause);

    private static HistoryDatabaseException ReadOnly(string databasePath, string detail, Exception cause) => new(
        HistoryProblem.ReadOnly,
        $"the history folder '{Folder(databasePath)}' is read-only ({detail}): make it writable for the user exojobs runs as, or point history: path: at a writable folder",
        cause);

    private static HistoryDatabaseException Unavailable(string databasePath, string detail, Exception cause) => new(
        HistoryProblem.Unavailable,
        $"the history database '{databasePath}' cannot be used ({detail}): check that its folder exists and can be read and written",
        cause);

    private static string Folder(string databasePath) => Path.GetDirectoryName(Path.GetFullPath(databasePath))!;

    /// <summary>A full disk or quota, by the error number the runtime reports (errno on Unix, a Win32 code on Windows).</summary>
    private static bool IsFull(IOException exception)
    {
        const int LinuxNoSpace = 28;
        const int LinuxQuota = 122;
        const int MacQuota = 69;
        const int WindowsDiskFull = unchecked((int)0x80070070);
        const int WindowsHandleDiskFull = unchecked((int)0x80070027);
        return exception.HResult is LinuxNoSpace or WindowsDiskFull or WindowsHandleDiskFull
            || exception.HResult == (OperatingSystem.IsMacOS() ? MacQuota : LinuxQuota);
    }

    private static bool IsReadOnly(IOException exception)
    {
        const int ReadOnlyFileSystem = 30;
        const int WindowsWriteProtect = unchecked((int)0x80070013);
        return exception.HResult is ReadOnlyFileSystem or WindowsWriteProtect;
    }
}
