using System.Data.Common;
using System.Globalization;
using Crosscheck.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage;

/// <summary>
/// Brings a store's schema up to date: the numbered migrations of its engine (<see cref="SqliteMigrations"/>,
/// <see cref="PostgresMigrations"/>: the same versions, each in its engine's dialect), each run once in its own
/// transaction and recorded in <c>schema_migrations</c>.
/// </summary>
internal static class Migrations
{
    /// <summary>
    /// Applies the migrations the database has not had. Two processes creating the same new database at once apply each
    /// migration once: SQLite checks and applies each inside an immediate (write-locked) transaction; PostgreSQL holds
    /// an advisory lock while it migrates.
    /// </summary>
    public static void Apply(DbConnection connection, TimeProvider time)
    {
        var postgres = SqlDialect.Of(connection) == SqlDialect.Postgres;
        var all = postgres ? PostgresMigrations.All : SqliteMigrations.All;
        if (postgres) Run(connection, null, $"SELECT pg_advisory_lock({SqlDialect.MigrationLockKey})");
        try
        {
            Run(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var newest = all.Max(m => m.Version);
            var applied = Applied(connection, null);
            if (applied.Count > 0 && applied.Max() > newest)
            {
                throw new InvalidOperationException($"the database was written by a newer Crosscheck (schema {applied.Max()}, this one knows {newest})");
            }
            foreach (var (version, name, sql) in all)
            {
                if (applied.Contains(version)) continue;
                using var tx = postgres ? connection.BeginTransaction() : ((SqliteConnection)connection).BeginTransaction(deferred: false);
                // Another process may have applied it since the list above was read.
                if (Applied(connection, tx).Contains(version)) { tx.Commit(); continue; }
                Run(connection, tx, sql);
                using var cmd = connection.Command(tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $at)");
                cmd.Parameters.AddWithValue("$v", version);
                cmd.Parameters.AddWithValue("$n", name);
                cmd.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
                tx.Commit();
            }
        }
        finally
        {
            if (postgres) Run(connection, null, $"SELECT pg_advisory_unlock({SqlDialect.MigrationLockKey})");
        }
    }

    /// <summary>Runs schema text as written (no parameters: PostgreSQL function bodies keep their dollar quotes).</summary>
    private static void Run(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static HashSet<long> Applied(DbConnection connection, DbTransaction? tx)
    {
        var applied = new HashSet<long>();
        using var cmd = connection.Command(tx, "SELECT version FROM schema_migrations");
        using var r = cmd.ExecuteReader();
        while (r.Read()) applied.Add(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
        return applied;
    }
}
