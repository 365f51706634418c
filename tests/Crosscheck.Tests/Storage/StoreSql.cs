using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Storage;

/// <summary>
/// Plain SQL on a test's database, on a connection of its own (no pool), to look at the rows a command left: a SQLite
/// file, or for <see cref="Scalar"/> and <see cref="Execute"/> also a <c>postgres://</c> location as <c>--db</c> takes it.
/// </summary>
internal static class StoreSql
{
    public static long Scalar(string db, string sql)
    {
        using var connection = OpenAny(db);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public static void Execute(string db, string sql)
    {
        using var connection = OpenAny(db);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A connection to the SQLite file or to the PostgreSQL database <paramref name="db"/> names.</summary>
    public static System.Data.Common.DbConnection OpenAny(string db)
    {
        if (!Crosscheck.Storage.StoreLocation.TryParse(db, out var location, out _) || location.Kind != Crosscheck.Storage.StoreKind.Postgres) return Open(db);
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(location.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, DefaultTimeout = 10 }.ToString());
        connection.Open();
        return connection;
    }
}
