using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Crosscheck.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Sdk;

namespace Crosscheck.Tests.Storage;

/// <summary>The engines the storage suite runs on; a test of the suite takes one as its argument.</summary>
public enum Backend
{
    Sqlite,
    Postgres,
}

/// <summary>Runs the theory on SQLite (a file in a folder of its own).</summary>
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.Sqlite]];
}

/// <summary>
/// Runs the theory on PostgreSQL (a database of its own on the server <c>./test.sh</c> starts), or skips it with the
/// reason when no server is configured.
/// </summary>
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        Skip = PostgresTestServer.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.Postgres]];
}

/// <summary>Runs the theory on SQLite with the given arguments before the backend (an <c>InlineData</c> row for both engines).</summary>
public sealed class OnSqliteWithAttribute(params object[] data) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[.. data, Backend.Sqlite]];
}

/// <summary>Runs the theory on PostgreSQL with the given arguments before the backend, or skips it as <see cref="OnPostgresAttribute"/> does.</summary>
public sealed class OnPostgresWithAttribute : DataAttribute
{
    private readonly object[] _data;

    public OnPostgresWithAttribute(params object[] data)
    {
        _data = data;
        Skip = PostgresTestServer.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[.. _data, Backend.Postgres]];
}

/// <summary>
/// One test's database on one engine: opened as often as the test likes (each <see cref="Open"/> is a new store on
/// the same database), looked at with plain SQL, and removed at the end.
/// </summary>
public sealed class StoreTarget : IDisposable
{
    private readonly TempDirectory? _folder;
    private readonly PostgresTestDatabase? _database;

    public Backend Backend { get; }

    /// <summary>The SQLite file or the PostgreSQL connection string.</summary>
    public string Location { get; }

    /// <summary>What <c>--db</c> takes for this database: the file, or a <c>postgres://</c> URI.</summary>
    public string DbOption => _database?.Uri ?? Location;

    private StoreTarget(Backend backend, string location, TempDirectory? folder, PostgresTestDatabase? database)
    {
        Backend = backend;
        Location = location;
        _folder = folder;
        _database = database;
    }

    public static StoreTarget Create(Backend backend)
    {
        if (backend == Backend.Sqlite)
        {
            var folder = new TempDirectory();
            return new StoreTarget(backend, folder.Combine("store.db"), folder, null);
        }
        var database = PostgresTestServer.Fresh();
        return new StoreTarget(backend, database.ConnectionString, null, database);
    }

    /// <summary>A new store on this test's database (migrated when new).</summary>
    public DocumentStore Open(TimeProvider? time = null) => Backend == Backend.Sqlite
        ? DocumentStore.Open(Location, time)
        : DocumentStore.OpenPostgres(Location, "postgres test database", time);

    /// <summary>A plain connection to the database, to look at the rows a test left.</summary>
    public DbConnection Connect()
    {
        DbConnection connection = Backend == Backend.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Pooling = false, DefaultTimeout = 10 }.ToString())
            : new NpgsqlConnection(Location);
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// A trigger that makes an insert into <paramref name="table"/> fail with "disk on fire" while
    /// <paramref name="condition"/> (SQL over <c>NEW</c>) holds: a write that fails half way.
    /// </summary>
    public void FailInsert(string name, string table, string condition) => Execute(Backend == Backend.Sqlite
        ? $"CREATE TRIGGER {name} BEFORE INSERT ON {table} WHEN {condition} BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        : $"""
          CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN
              IF {condition} THEN RAISE EXCEPTION 'disk on fire'; END IF;
              RETURN NEW;
          END
          $fn$;
          CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
          """);

    public void DropTrigger(string name, string table) => Execute(Backend == Backend.Sqlite
        ? $"DROP TRIGGER {name}"
        : $"DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}()");

    /// <summary>SQL for the number of events in the facts JSON held by the column <paramref name="facts"/>.</summary>
    public string EventCount(string facts) => Backend == Backend.Sqlite
        ? $"json_array_length({facts}, '$.events')"
        : $"jsonb_array_length(CAST({facts} AS jsonb) -> 'events')";

    /// <summary>How messages name this database (a store's <c>Path</c>): the full file path, or the URI without password.</summary>
    public string Display => Backend == Backend.Sqlite ? System.IO.Path.GetFullPath(Location) : StoreLocation.Parse(DbOption).Display;

    /// <summary>SQL for the text at the top-level key <paramref name="key"/> of the JSON held by the column <paramref name="json"/>.</summary>
    public string JsonText(string json, string key) => Backend == Backend.Sqlite
        ? $"json_extract({json}, '$.{key}')"
        : $"(CAST({json} AS jsonb) ->> '{key}')";

    /// <summary>SQL for the JSON text of the column <paramref name="json"/> with the top-level key <paramref name="key"/> set to the string <paramref name="value"/>.</summary>
    public string JsonSetText(string json, string key, string value) => Backend == Backend.Sqlite
        ? $"json_set({json}, '$.{key}', '{value}')"
        : $"CAST(jsonb_set(CAST({json} AS jsonb), '{{{key}}}', to_jsonb(CAST('{value}' AS text))) AS text)";

    /// <summary>Whether the store's files hold <paramref name="bytes"/> anywhere (SQLite: the file and its WAL); always false on PostgreSQL.</summary>
    public bool FilesContain(byte[] bytes)
    {
        if (Backend != Backend.Sqlite) return false;
        foreach (var file in new[] { Location, Location + "-wal" })
        {
            if (File.Exists(file) && File.ReadAllBytes(file).AsSpan().IndexOf(bytes) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// Reads and links what a PostgreSQL store queued (ingest and watch only store and queue there), as a worker that
    /// stops when nothing is left; nothing on SQLite, where they link themselves.
    /// </summary>
    public void LinkQueued()
    {
        if (Backend == Backend.Sqlite) return;
        using var store = Open();
        new ReadingWorker(store, "test-worker").Run(TimeSpan.FromMilliseconds(50), untilIdle: true);
    }

    /// <summary>A worker reading and linking in the background until disposed (PostgreSQL); null on SQLite.</summary>
    public IDisposable? BackgroundWorker()
    {
        if (Backend == Backend.Sqlite) return null;
        return new Background(Open());
    }

    private sealed class Background : IDisposable
    {
        private readonly DocumentStore _store;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;

        public Background(DocumentStore store)
        {
            _store = store;
            _run = Task.Run(() => new ReadingWorker(store, "background-test-worker").Run(TimeSpan.FromMilliseconds(50), untilIdle: false, cancellation: _stop.Token));
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _run.Wait();
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
            {
            }
            _store.Dispose();
            _stop.Dispose();
        }
    }

    public override string ToString() => Backend.ToString();

    public void Dispose()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
            return;
        }
        _database?.Dispose();
    }
}
