using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExoJobRunner.Core.History;

/// <summary>
/// The history database file: opening it (creating it and its folder when missing), bringing its schema up to date
/// (<see cref="HistorySchema"/>) and handing out connections with the settings every one of them needs.
/// </summary>
internal sealed class HistoryDatabase
{
    private readonly string _connectionString;

    private HistoryDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Also how long a writer waits for another process's transaction before giving up.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file's absolute path.</summary>
    public string Path { get; }

    /// <exception cref="HistoryDatabaseException">The database was written by a newer exojobs, or is not a SQLite database.</exception>
    public static async Task<HistoryDatabase> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        var fullPath = System.IO.Path.GetFullPath(databasePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        var database = new HistoryDatabase(fullPath);
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new HistoryDatabaseException(
                $"the history database '{databasePath}' cannot be used: {exception.Message}; move it aside to start a new history",
                exception);
        }

        return database;
    }

    /// <summary>An open connection; the caller disposes it.</summary>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
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

    public static async Task<int> ReadUserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, it stays for every later connection of every process.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        var version = await ReadUserVersionAsync(connection, cancellationToken);
        if (version > HistorySchema.LatestVersion)
        {
            throw new HistoryDatabaseException(string.Create(
                CultureInfo.InvariantCulture,
                $"the history database '{Path}' has schema version {version}, newer than this exojobs knows ({HistorySchema.LatestVersion}); upgrade exojobs, or point history: path: at another file"));
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
}
