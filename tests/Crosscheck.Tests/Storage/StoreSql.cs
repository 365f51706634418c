using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>Plain SQL on a test's database file, on a connection of its own (no pool), to look at the rows a command left.</summary>
internal static class StoreSql
{
    public static long Scalar(string db, string sql)
    {
        using var connection = Open(db);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public static void Execute(string db, string sql)
    {
        using var connection = Open(db);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, DefaultTimeout = 10 }.ToString());
        connection.Open();
        return connection;
    }
}
