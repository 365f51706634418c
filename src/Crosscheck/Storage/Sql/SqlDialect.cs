using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Crosscheck.Storage.Sql;

/// <summary>
/// What differs between the two engines the store runs on. The store's statements are written once, in the subset the
/// two share, with SQLite's <c>$name</c> parameters and <c>INSERT OR IGNORE</c>; <see cref="Native"/> turns them into
/// the engine's own text (for PostgreSQL: <c>@name</c> and <c>ON CONFLICT DO NOTHING</c>). What has no common form
/// (a JSON array as a set of values, full-text search, the schema) is asked of the dialect by name.
/// </summary>
internal abstract partial class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    /// <summary>The dialect of a connection's engine.</summary>
    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>The dialect of a command's engine.</summary>
    public static SqlDialect Of(DbCommand command) => command is NpgsqlCommand ? Postgres : Sqlite;

    public abstract string Name { get; }

    /// <summary>The statement in this engine's own text.</summary>
    public abstract string Native(string sql);

    /// <summary>A one-column subquery (<c>value</c>) of the strings of the JSON array bound to <paramref name="parameter"/>.</summary>
    public abstract string TextsOf(string parameter);

    /// <summary>A one-column subquery (<c>value</c>) of the integers of the JSON array bound to <paramref name="parameter"/>.</summary>
    public abstract string NumbersOf(string parameter);

    /// <summary>A transaction that reads one snapshot of the database until it ends.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>
    /// A write transaction. Writers take turns in both engines: SQLite has one write lock per file; in PostgreSQL each
    /// write transaction first takes the store's transaction-level advisory lock, so that what a writer reads to decide
    /// (is this document stored, which stored text does it copy) is still true when it commits.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection, DeskName desk = default);

    /// <summary>The statement that indexes a stored document's title and text for search, or null when the engine indexes the row itself.</summary>
    public abstract string? SearchIndexInsert { get; }

    /// <summary>The advisory lock key of a PostgreSQL store's writers (one database holds one store).</summary>
    internal const long WriteLockKey = 0x43524F5357524954; // "CROSWRIT"

    /// <summary>The advisory lock key of a PostgreSQL store's linker (<see cref="LinkLock"/>).</summary>
    internal const long LinkLockKey = 0x43524F534C494E4B; // "CROSLINK"

    /// <summary>The first key of a named desk's link lock (the second is the desk's <see cref="DeskName.Key"/>).</summary>
    internal const int DeskLinkClass = 0x444C4E4B; // "DLNK"

    /// <summary>The first key of a named desk's write lock (the second is the desk's <see cref="DeskName.Key"/>).</summary>
    internal const int DeskWriteClass = 0x44575254; // "DWRT"

    /// <summary>The advisory lock key held while a PostgreSQL store's schema is migrated.</summary>
    internal const long MigrationLockKey = 0x43524F534D494752; // "CROSMIGR"

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Name => "SQLite";

        public override string Native(string sql) => sql;

        public override string TextsOf(string parameter) => $"SELECT value FROM json_each({parameter})";

        public override string NumbersOf(string parameter) => $"SELECT value FROM json_each({parameter})";

        public override DbTransaction BeginSnapshot(DbConnection connection) => ((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: true);

        public override DbTransaction BeginWrite(DbConnection connection, DeskName desk = default) => connection.BeginTransaction();

        public override string? SearchIndexInsert => "INSERT INTO documents_fts (rowid, title, text) VALUES ($seq, $title, $text)";
    }

    private sealed partial class PostgresDialect : SqlDialect
    {
        private readonly ConcurrentDictionary<string, string> _native = new(StringComparer.Ordinal);

        public override string Name => "PostgreSQL";

        public override string Native(string sql) => _native.GetOrAdd(sql, Translate);

        public override string TextsOf(string parameter) => $"SELECT value FROM jsonb_array_elements_text(CAST({parameter} AS jsonb)) AS value";

        public override string NumbersOf(string parameter) =>
            $"SELECT CAST(value AS bigint) AS value FROM jsonb_array_elements_text(CAST({parameter} AS jsonb)) AS value";

        public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

        public override DbTransaction BeginWrite(DbConnection connection, DeskName desk = default)
        {
            var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            // Each desk's writers take turns among themselves: a desk's tables are its own (its schema).
            cmd.CommandText = desk.IsDefault ? $"SELECT pg_advisory_xact_lock({WriteLockKey})" : $"SELECT pg_advisory_xact_lock({DeskWriteClass}, {desk.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            cmd.ExecuteNonQuery();
            return tx;
        }

        public override string? SearchIndexInsert => null;

        private static string Translate(string sql)
        {
            var text = Parameter().Replace(sql, "@$1");
            if (!text.Contains("INSERT OR IGNORE", StringComparison.Ordinal)) return text;
            // One statement per text: the conflict clause closes it.
            if (text.TrimEnd().TrimEnd(';').Contains(';', StringComparison.Ordinal))
                throw new InvalidOperationException("INSERT OR IGNORE is translated only in a text of one statement");
            return text.Replace("INSERT OR IGNORE", "INSERT", StringComparison.Ordinal).TrimEnd().TrimEnd(';') + " ON CONFLICT DO NOTHING";
        }

        // $name outside quotes: the store's statements quote no dollar sign followed by a letter (JSON paths are '$.x').
        [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
        private static partial Regex Parameter();
    }
}
