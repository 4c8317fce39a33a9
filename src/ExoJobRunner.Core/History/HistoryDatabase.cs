using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>
/// The history database file: opening it (creating it and its folder when missing), telling a damaged one from a sound
/// one before anything is written to it, bringing its schema up to date (<see cref="HistorySchema"/>), and running
/// every statement on a connection with the settings each needs. Whatever SQLite or the file system reports goes out
/// as a <see cref="HistoryDatabaseException"/> that names the problem (<see cref="HistoryFailures"/>).
/// </summary>
internal sealed class HistoryDatabase
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private readonly string _connectionString;

    private HistoryDatabase(string path)
    {
        Path = path;

        // ReadWrite, not ReadWriteCreate: a database that vanished (deleted, its mount gone) is an error, never a new
        // empty history created in its place. Only OpenAsync creates one, and only where there is no file at all.
        _connectionString = ConnectionString(path, SqliteOpenMode.ReadWrite, pooling: true);
    }

    /// <summary>The database file's absolute path.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the database, creating it (and its folder) when there is no file yet, and migrates it to the latest schema.
    /// An existing file that is not a sound history database is refused and left exactly as it is.
    /// </summary>
    /// <exception cref="HistoryDatabaseException">The file is damaged, newer, or its folder cannot be used.</exception>
    public static async Task<HistoryDatabase> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        var fullPath = System.IO.Path.GetFullPath(databasePath);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            if (!File.Exists(fullPath))
            {
                await CreateAsync(fullPath, cancellationToken);
            }

            CheckHeader(fullPath);
            var database = new HistoryDatabase(fullPath);
            await using var connection = await database.ConnectAsync(cancellationToken);
            await MigrateAsync(connection, fullPath, cancellationToken);
            return database;
        }
        catch (Exception exception) when (HistoryFailures.Classify(exception, fullPath) is { } problem && problem != exception)
        {
            throw problem;
        }
    }

    /// <summary>
    /// Reads every page of the database (<c>PRAGMA quick_check</c>): the damage the header and schema cannot show. Its
    /// cost grows with the history, so it is for the long-running scheduler's start, not for every command.
    /// </summary>
    /// <exception cref="HistoryDatabaseException">The database is damaged (or cannot be read).</exception>
    public Task CheckIntegrityAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, token) =>
            {
                // At most three findings: enough to say what is wrong, where a badly damaged file could list thousands.
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check(3)";
                var findings = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync(token))
                {
                    while (await reader.ReadAsync(token))
                    {
                        findings.Add(reader.GetString(0));
                    }
                }

                if (findings is not ["ok"])
                {
                    // A finding may span lines, the first naming the database ("*** in database main ***").
                    var said = findings
                        .SelectMany(finding => finding.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        .Where(line => !line.StartsWith("***", StringComparison.Ordinal));
                    throw HistoryFailures.Damaged(Path, "its integrity check found: " + string.Join("; ", said));
                }

                return true;
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="operation"/> on a connection of its own; a store problem comes out as
    /// <see cref="HistoryDatabaseException"/>. A write must be one transaction, so a failed one has left nothing.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            await using var connection = await ConnectAsync(cancellationToken);
            return await operation(connection, cancellationToken);
        }
        catch (Exception exception) when (HistoryFailures.Classify(exception, Path) is { } problem && problem != exception)
        {
            throw problem;
        }
    }

    public static async Task<int> ReadUserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string ConnectionString(string path, SqliteOpenMode mode, bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = pooling,

        // Also how long a writer waits for another process's transaction before giving up.
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Builds a new database beside its final path and moves it into place whole, so no process ever sees a file that
    /// is half made, and an empty file at the path always means something went wrong (see <see cref="CheckHeader"/>).
    /// When two processes create it at once, the first move wins and the other's copy is deleted.
    /// </summary>
    private static async Task CreateAsync(string path, CancellationToken cancellationToken)
    {
        var building = path + "." + Guid.NewGuid().ToString("N") + ".new";
        try
        {
            // Unpooled: the last connection closing checkpoints the WAL into the file, which is then complete on its own.
            await using (var connection = new SqliteConnection(ConnectionString(building, SqliteOpenMode.ReadWriteCreate, pooling: false)))
            {
                await connection.OpenAsync(cancellationToken);
                await MigrateAsync(connection, path, cancellationToken);
            }

            try
            {
                File.Move(building, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: theirs is as good as ours.
            }
        }
        finally
        {
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>
    /// Refuses a file that cannot be a SQLite database before SQLite is asked to open it: SQLite treats an empty file
    /// as a new database (a damaged history would silently become an empty one) and garbage as "not a database".
    /// </summary>
    private static void CheckHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (file.Length == 0)
            {
                throw HistoryFailures.Empty(path);
            }

            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw HistoryFailures.Damaged(path, "it does not start with SQLite's file header, so it is not a SQLite database or its start was overwritten");
        }
    }

    private static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, it stays for every later connection of every process.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        var version = await ReadUserVersionAsync(connection, cancellationToken);
        if (version > HistorySchema.LatestVersion)
        {
            throw HistoryFailures.NewerSchema(path, version);
        }

        for (var next = version; next < HistorySchema.LatestVersion; next++)
        {
            // Each step and its version bump commit together: a crash mid-migration leaves the previous version intact.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = HistorySchema.Migrations[next] + string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version = {next + 1};");
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // In WAL mode NORMAL never corrupts the database and survives a crashed process; only a power loss can
            // lose the last transactions. FULL would flush the disk on every run's start and end.
            await using var synchronous = connection.CreateCommand();
            synchronous.CommandText = "PRAGMA synchronous = NORMAL";
            await synchronous.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
