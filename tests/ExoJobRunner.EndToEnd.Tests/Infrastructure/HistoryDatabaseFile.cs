using Microsoft.Data.Sqlite;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>The workspace's history database, opened directly: for states only an outside hand (or another exojobs) makes.</summary>
internal static class HistoryDatabaseFile
{
    public static string PathIn(Workspace workspace) => workspace.PathOf(".exojobs/history.db");

    public static async Task ExecuteAsync(Workspace workspace, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={PathIn(workspace)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string?> ScalarAsync(Workspace workspace, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={PathIn(workspace)};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
