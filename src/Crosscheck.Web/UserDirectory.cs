using Crosscheck.Access;
using Crosscheck.Storage;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Web;

/// <summary>
/// The accounts of the served database, looked up on a pooled read-only connection of their own, so that checking a
/// key never waits for the store's connection.
/// </summary>
internal sealed class UserDirectory(WebOptions options)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.DatabasePath),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
        DefaultTimeout = 5,
    }.ToString();

    /// <summary>The account of a well-formed key, or null.</summary>
    public UserAccount? FindByKey(string key)
    {
        if (!AccessKey.IsWellFormed(key)) return null;
        using var connection = Open();
        return UserTable.FindByKeyHash(connection, AccessKey.Hash(key));
    }

    /// <summary>The account of that number, or null when it was removed.</summary>
    public UserAccount? Find(long id)
    {
        using var connection = Open();
        return UserTable.FindById(connection, id);
    }

    /// <summary>Closes the idle pooled connections (when the server stops), so the store's close can end the write-ahead log.</summary>
    public void ClosePool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
